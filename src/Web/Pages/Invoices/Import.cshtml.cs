using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Placements.Finance.Invoices;
using Placements.Web.Security;

namespace Placements.Web.Pages.Invoices;

/// <summary>
/// Imports a provider's invoice CSV (one row per line; rows with the same invoice number make one invoice). All or
/// nothing: every problem is listed as <c>file:line: column: message</c> and nothing is recorded until the file is right.
/// </summary>
[Authorize(Policy = Policies.Finance)]
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportModel(ImportProviderInvoices import) : PageModel
{
    /// <summary>A provider's invoices for a term are a few hundred rows; 5 MB is generous.</summary>
    public const long MaxUploadBytes = 5L * 1024 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }

    public InvoiceImportOutcome? Outcome { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Select a provider's invoice CSV file");
            return Page();
        }
        await using var stream = Upload.OpenReadStream();
        Outcome = await import.ImportAsync(Path.GetFileName(Upload.FileName), stream, User.Identity!.Name!, cancellationToken);
        foreach (var error in Outcome.Errors) ModelState.AddModelError(nameof(Upload), error);
        return Page();
    }
}
