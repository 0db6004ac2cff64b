using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Accounts;
using Placements.Commissioning.Persistence;
using Placements.Finance;
using Placements.Finance.Agreements;
using Placements.Finance.Invoices;
using Placements.Finance.Persistence;
using Placements.Web.Cli;
using Placements.Web.Database;
using Placements.Web.Security;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>
/// The real app on the (small) example county, for the invoice pages: an independent school (PRV009, Meadowview School)
/// with one placement (PL0033, child C0025, on roll since 5 September 2024) under a monthly-in-arrears agreement of
/// £36,000 a year, so any whole calendar month is expected at £3,000.00 (tolerance: the greater of £5 and 0.5% = £15.00);
/// a base rate of 4% throughout; and staff: an officer, two approvers, a commissioner.
/// </summary>
public sealed class InvoicesApp() : StaffedEmptyApp(DatabaseProvider.Sqlite, new Dictionary<string, string>
{
    ["finance.officer"] = Roles.FinanceOfficer,
    ["finance.approver"] = Roles.FinanceApprover,
    ["second.approver"] = Roles.FinanceApprover,
    ["commissioner"] = Roles.Commissioner,
})
{
    public const string ProviderReference = "PRV009";
    public const string Placement = "PL0033";
    public const string Child = "C0025";
    public static readonly Money AnnualFee = Money.FromPounds(36_000);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (await CommandLine.RunAsync(Services, ["import", ExampleCounty.Folder]) != 0) throw new InvalidOperationException("The example county did not import.");
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActingAs("test:invoices-app");
        var commissioning = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        var finance = scope.ServiceProvider.GetRequiredService<FinanceDb>();
        var placement = await commissioning.Placements.SingleAsync(p => p.Reference == Placement);
        var provider = await commissioning.Providers.SingleAsync(p => p.Reference == ProviderReference);
        if (await finance.PlacementAgreements.AnyAsync(a => a.PlacementId == placement.Id)) return;
        var agreement = new PlacementAgreement(placement.Id, Placement, provider.Id, ProviderReference, InvoicingPattern.MonthlyInArrears, TermSplit.SchoolDays,
            feesPayableDuringAbsence: true, "one term", new LocalDate(2027, 4, 1), 30, "NSCC-2024-0033");
        agreement.ChangeFee(AgreementFee.Annual(placement.Start, AnnualFee));
        finance.PlacementAgreements.Add(agreement);
        if (!await finance.BaseRates.AnyAsync()) finance.BaseRates.Add(new BaseRate(new LocalDate(2020, 1, 1), 400));
        await finance.SaveChangesAsync();
    }
}
