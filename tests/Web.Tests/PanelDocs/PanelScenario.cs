using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Placements.Commissioning;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Finance;
using Placements.Finance.Agreements;
using Placements.Finance.Invoices;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Finance.PooledFunding;
using Placements.Web.Database;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.PanelDocs;

/// <summary>
/// A panel's year on a real, freshly migrated SQLite database, through the use cases (as PanelDatabaseTests sets it up).
/// County 320: CH-1 (Amy Brown) is referred to the academy ACAD from 1 September 2026 at £60,000 a year (education £30,000,
/// care £20,000, health £10,000); CH-3 (Cara Dunn) to the independent school IND. The meeting of 20 August 2026 approves
/// CH-1's case 50/30/20 (review 1 March 2027) and declines CH-3's. September's run (approved 5 October) and October's
/// (approved 5 November) pay £5,000 a month; from 16 October the split is 40/30/30. November's statements: health
/// £1,500.00, social care £1,258.06.
/// </summary>
public sealed class PanelScenario : IAsyncDisposable
{
    public const string Council = "320";
    public static readonly LocalDate September1 = new(2026, 9, 1);
    public static readonly string[] ChildNames = ["Amy", "Brown", "Cara", "Dunn"];
    private static readonly PaymentSettings Settings = new(Council, new YearMonth(2026, 9));

    private PanelScenario(ModuleDatabase database, FakeClock clock) => (Database, Clock) = (database, clock);

    public ModuleDatabase Database { get; }
    public FakeClock Clock { get; }
    public string Approved { get; private set; } = "";
    public string Declined { get; private set; } = "";
    public int MeetingId { get; private set; }

    /// <summary>The SQLite file, for a separate process.</summary>
    public string File => new SqliteConnectionStringBuilder(Database.Settings.ConnectionString).DataSource;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    /// <summary>The county, the meeting and its decisions, and the September and October runs; the split changes from 16 October.</summary>
    public static async Task<PanelScenario> CreateAsync()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 8, 3, 9, 0), Duration.FromSeconds(1));
        var scenario = new PanelScenario(await ModuleDatabase.CreateAsync(DatabaseProvider.Sqlite, clock, Ct), clock);
        await scenario.SetUpAsync();
        return scenario;
    }

    private async Task SetUpAsync()
    {
        await UseAsync("setup", async (c, _) =>
        {
            c.Providers.AddRange(new Provider("ACAD", "Oakfield Academy", ProvisionType.SpecialAcademy, Council, Phase.Secondary),
                new Provider("IND", "Hillside School", ProvisionType.IndependentSpecial, "881", Phase.Secondary));
            c.Children.AddRange(new Child("CH-1", "Amy", "Brown", new LocalDate(2013, 3, 1), Need.ASD, Council),
                new Child("CH-3", "Cara", "Dunn", new LocalDate(2012, 5, 1), Need.SEMH, Council));
            return await c.SaveChangesAsync(Ct);
        });
        Approved = await ReferAsync("CH-1", "ACAD");
        Declined = await ReferAsync("CH-3", "IND");
        foreach (var reference in new[] { Approved, Declined })
            await UseAsync("sen.caseworker", (_, f) => new SubmitReferral(f, Clock).RunAsync(reference, Ct));
        MeetingId = (await UseAsync("panel.chair", (_, f) => new PlanPanelMeeting(f).RunAsync(new LocalDate(2026, 8, 20), "Civic Centre",
            [("Jo Head", Partner.Education, "Head of SEND"), ("Sam Nurse", Partner.Health, "ICB continuing care"), ("Lee Social", Partner.SocialCare, null)],
            [Approved, Declined], Ct))).Id;
        Clock.Reset(Instant.FromUtc(2026, 8, 20, 11, 0));
        await DecideAsync(new CaseDecision(Approved, PanelOutcome.Approve, "Needs cannot be met locally.", null, September1, new LocalDate(2027, 3, 1), Split(50, 30, 20)));
        await DecideAsync(new CaseDecision(Declined, PanelOutcome.Decline, "Needs can be met at a local special school with outreach.", null, September1, null, null));

        await PayAsync(new YearMonth(2026, 9), Instant.FromUtc(2026, 10, 5, 9, 0));
        Clock.Reset(Instant.FromUtc(2026, 10, 20, 9, 0));
        await DecideAsync(new CaseDecision(Approved, PanelOutcome.Approve, "Social care's share rises.", null, new LocalDate(2026, 10, 16),
            new LocalDate(2027, 3, 1), Split(40, 30, 30)));
        await PayAsync(new YearMonth(2026, 10), Instant.FromUtc(2026, 11, 5, 9, 0));
    }

    /// <summary>November's statements (the October run), prepared on 2 December; health pays £1,000.00 of its £1,500.00.</summary>
    public async Task<IReadOnlyList<RechargeStatement>> RechargeNovemberAsync()
    {
        Clock.Reset(Instant.FromUtc(2026, 12, 2, 9, 0));
        var outcome = await UseAsync("finance.officer", (c, f) => new PrepareRechargeStatements(c, f, RechargeSchedule.Monthly, Clock)
            .RunAsync(new YearMonth(2026, 11), [Partner.Health, Partner.SocialCare], "finance.officer", Ct));
        await UseAsync("finance.officer", (_, f) => new RecordRechargeReceipt(f, Clock)
            .RunAsync(outcome.Statements.Single(s => s.Partner == Partner.Health).Id, Money.FromPounds(1_000m), new LocalDate(2026, 12, 2), "finance.officer", Ct));
        return outcome.Statements;
    }

    /// <summary>A later decision, same split, from <paramref name="from"/> with its review on <paramref name="review"/>.</summary>
    public async Task ReviewOnAsync(LocalDate from, LocalDate review)
    {
        Clock.Reset(from.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant().Plus(Duration.FromHours(9)));
        await DecideAsync(new CaseDecision(Approved, PanelOutcome.Approve, "Reviewed: no change to the split.", null, from, review, Split(40, 30, 30)));
    }

    public Task<T> ReadAsync<T>(Func<PanelQueries, Task<T>> read) => UseAsync("reader", (_, f) => read(new PanelQueries(f)));

    public async Task<(Referral Referral, IReadOnlyList<PanelDecision> Decisions, PanelMeeting Meeting)> CaseAsync(string reference) =>
        await UseAsync("reader", async (_, f) =>
        {
            var referral = await f.Referrals.AsNoTracking().SingleAsync(r => r.Reference == reference, Ct);
            var decisions = await f.PanelDecisions.AsNoTracking().Where(d => d.ReferralId == referral.Id).OrderBy(d => d.EffectiveFrom).ToListAsync(Ct);
            var meeting = await f.PanelMeetings.AsNoTracking().Include(m => m.Members).SingleAsync(m => m.Id == MeetingId, Ct);
            return (referral, (IReadOnlyList<PanelDecision>)decisions, meeting);
        });

    private async Task<T> UseAsync<T>(string actor, Func<CommissioningDb, FinanceDb, Task<T>> act)
    {
        var (c, f) = Database.Contexts(actor);
        await using (c)
        await using (f)
            return await act(c, f);
    }

    private static CostSplit Split(decimal education, decimal health, decimal social) =>
        CostSplit.ByPercentages(Money.FromPounds(60_000m), new Dictionary<Partner, decimal>
            { [Partner.Education] = education, [Partner.Health] = health, [Partner.SocialCare] = social });

    private async Task<string> ReferAsync(string child, string provider) =>
        (await UseAsync("sen.caseworker", (c, f) => new MakeReferral(c, f, Clock).RunAsync(new ReferralDraft(
            new PlacementProposal(child, provider, September1, null, Attendance.Day, Council, null, false),
            Money.FromPounds(30_000m), Money.FromPounds(20_000m), Money.FromPounds(10_000m), "Complex ASD with self-injury; waking-night care.",
            AskHealth: true, AskSocialCare: true, "EHC plan 2026\nCAMHS report"), "sen.caseworker", Ct))).Reference;

    private Task<PanelDecision> DecideAsync(CaseDecision decision) =>
        UseAsync("panel.chair", (c, f) => new DecideCase(c, f, new SavePlacementAgreement(c, f, new MatchInvoiceLines(c, f, InvoiceSettings.Default)), Clock)
            .RunAsync(decision, "panel.chair", Ct));

    private async Task PayAsync(YearMonth month, Instant approvedAt)
    {
        Clock.Reset(approvedAt);
        await UseAsync("finance.officer", (c, f) => new PreparePaymentRun(c, f, Clock).RunAsync(month, "finance.officer", Settings, cancellationToken: Ct));
        await UseAsync("finance.approver", (_, f) => new ApprovePaymentRun(f, Clock)
            .ApproveAsync(month, new Approver("finance.approver", Money.FromPounds(1_000_000m)), null, cancellationToken: Ct));
    }
}
