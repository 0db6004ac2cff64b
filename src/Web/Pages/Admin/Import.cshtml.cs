using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Commissioning.Interchange;
using Placements.Commissioning.Persistence;
using Placements.Finance.Interchange;
using Placements.Finance.Persistence;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages.Admin;

/// <summary>An Administrator uploads a county's CSV files; they are imported all or nothing, as the <c>import</c> verb does.</summary>
[Authorize(Policy = Policies.Administration)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportModel(CommissioningDb commissioning, FinanceDb finance, IClock clock, CouncilSettings council) : PageModel
{
    /// <summary>A 20,000-placement county's folder is a few megabytes; 50 MB leaves room without inviting abuse.</summary>
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    [BindProperty] public List<IFormFile> Files { get; set; } = [];

    public CountyImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Files.Count == 0)
        {
            ModelState.AddModelError(nameof(Files), "Select the CSV files to import");
            return Page();
        }
        var uploaded = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            uploaded[Path.GetFileName(file.FileName)] = buffer.ToArray();
        }
        Result = await new CountyImport(commissioning, finance)
            .RunAsync(new InMemoryImportSource(uploaded), clock.TodayInLondon(), council.LaCode, cancellationToken);
        foreach (var error in Result.Errors) ModelState.AddModelError(nameof(Files), error.ToString());
        return Page();
    }
}
