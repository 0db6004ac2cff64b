using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Accounts;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Invoices;
using Placements.Finance.Persistence;
using Placements.Web.Cli;
using Placements.Web.Database;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>
/// The real app on the example county for the agreement and invoice-report pages, with a finance officer and approver,
/// a base rate of 4% throughout, and a few invoices at Lantern Specialist College (PRV013, placement PL0007) written
/// straight to the database so the reports have figures whatever day the tests run:
/// <list type="bullet">
/// <item><c>AGE-1</c>: £1,234.56 received 35 days ago, approved and unpaid (aged over 30 days);</item>
/// <item><c>AGE-2</c>: £100.00 received 3 days ago, ready to approve (aged 0–10 days);</item>
/// <item><c>LATE-1</c>: £34,226.40 received 2 April of last financial year, due 2 May, paid 22 May (20 days late):
/// 34,226.40 × 12% × 20 ÷ 365 = £225.05 interest + £100 compensation = £325.05 liable; over £30,000 in quarter 1.</item>
/// </list>
/// Agreements are left for the tests to record through the pages (none of the county's placements has one).
/// </summary>
public sealed class AgreementsApp() : StaffedEmptyApp(DatabaseProvider.Sqlite, new Dictionary<string, string>
{
    ["agreements.officer"] = Roles.FinanceOfficer,
    ["agreements.approver"] = Roles.FinanceApprover,
})
{
    public const string ProviderReference = "PRV013";
    public const string Placement = "PL0007";

    public LocalDate Today { get; private set; }
    public FinancialYear LastYear => FinancialYear.For(Today).Previous();

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (await CommandLine.RunAsync(Services, ["import", ExampleCounty.Folder]) != 0) throw new InvalidOperationException("The example county did not import.");
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActingAs("test:agreements-app");
        Today = scope.ServiceProvider.GetRequiredService<IClock>().TodayInLondon();
        var commissioning = scope.ServiceProvider.GetRequiredService<CommissioningDb>();
        var finance = scope.ServiceProvider.GetRequiredService<FinanceDb>();
        var placement = await commissioning.Placements.SingleAsync(p => p.Reference == Placement);
        var provider = await commissioning.Providers.SingleAsync(p => p.Reference == ProviderReference);
        var child = await commissioning.Children.SingleAsync(c => c.Id == placement.ChildId);
        var at = SystemClock.Instance.GetCurrentInstant();
        finance.BaseRates.Add(new BaseRate(new LocalDate(2000, 1, 1), 400));

        Invoice Make(string number, LocalDate receivedOn, LocalDate periodStart, decimal pounds)
        {
            var invoice = new Invoice(provider.Id, ProviderReference, number, InvoiceKind.Invoice, receivedOn, receivedOn, 30, "agreements.officer", at, "form", null);
            invoice.AddLine(new InvoiceLine(placement.Id, Placement, child.Reference, "XX", periodStart, periodStart.PlusMonths(1).PlusDays(-1),
                Money.FromPounds(pounds), null, null, null));
            finance.Invoices.Add(invoice);
            return invoice;
        }
        var aged = Make("AGE-1", Today.PlusDays(-35), Today.PlusDays(-70), 1_234.56m);
        var open = Make("AGE-2", Today.PlusDays(-3), Today.PlusDays(-40), 100m);
        var late = Make("LATE-1", LastYear.Start.PlusDays(1), LastYear.Start, 34_226.40m);
        await finance.SaveChangesAsync();
        foreach (var invoice in new[] { aged, open, late })
        {
            var line = invoice.Lines[0];
            line.Matched(null, line.Amount, line.Amount, InvoiceLineStatus.ReadyToApprove, null);
        }
        aged.Lines[0].Approve(aged.Lines[0].Amount, "agreements.approver", at, null);
        late.Lines[0].Approve(late.Lines[0].Amount, "agreements.approver", at, null);
        late.Lines[0].PaidBy(1, late.DueOn.PlusDays(20));
        await finance.SaveChangesAsync();
    }
}
