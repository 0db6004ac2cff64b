using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using Placements.Commissioning.Persistence;
using Placements.Finance;
using Placements.Finance.Funding.Elements;
using Placements.Finance.Reports;
using Placements.Finance.Persistence;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages.PlacementPages;

/// <summary>
/// A placement's Place Plus funding on a date: Elements 1, 2 and 3 with their amounts and who pays each, the top-up in
/// force (agreed amount or band amount) and the place rate in force.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class ElementsModel(CommissioningDb commissioning, FinanceDb finance, IClock clock, CouncilSettings council, IConfiguration configuration) : PageModel
{
    /// <summary>The configuration key of the additional support a mainstream school meets before top-up (pounds; default 6000).</summary>
    public const string MainstreamThresholdKey = "Funding:MainstreamThreshold";

    [BindProperty(SupportsGet = true)] public string Reference { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "date")] public string? Date { get; set; }

    public string? Error { get; private set; }
    public PlacementElementsResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var date = clock.TodayInLondon();
        if (!string.IsNullOrWhiteSpace(Date))
        {
            var parsed = LocalDatePattern.Iso.Parse(Date.Trim());
            if (parsed.Success) date = parsed.Value;
            else Error = $"Enter the date like {date:yyyy-MM-dd}";
        }
        var result = await new PlacementElements(commissioning, finance)
            .LoadAsync(Reference, date, council.LaCode, MainstreamThreshold(configuration), cancellationToken);
        if (result is null) return NotFound();
        Result = result;
        return Page();
    }

    /// <summary><c>Funding:MainstreamThreshold</c> in pounds, £6,000 when it is not set.</summary>
    /// <exception cref="InvalidOperationException">The setting is not an amount of pounds.</exception>
    public static Money MainstreamThreshold(IConfiguration configuration) =>
        configuration[MainstreamThresholdKey] is { Length: > 0 } text
            ? decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var pounds) && pounds >= 0
                ? Money.FromPoundsRounded(pounds, MoneyRounding.HalfAwayFromZero)
                : throw new InvalidOperationException($"{MainstreamThresholdKey} must be an amount of pounds, not '{text}'.")
            : Money.FromPounds(6_000);

    /// <summary>Who pays, in a finance officer's words.</summary>
    public static string Payer(FundingPayer payer) => Funding.PlaceFundingModel.Payer(payer);
}
