using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Placements.Commissioning;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Agreements;
using Placements.Finance.Funding;
using Placements.Finance.Invoices;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Finance.PooledFunding;
using Placements.Web.Database;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.PooledFunding;

/// <summary>
/// The Joint Resources Panel's use cases on a real, freshly migrated database (domain.md §8). County 320: an academy
/// (ACAD) and an independent school (IND). CH-1 is referred to ACAD from 1 September 2026 at £60,000 a year (education
/// £30,000, care £20,000, health £10,000) and approved 50/30/20 (education/health/social care); from 16 October the
/// panel changes the split to 40/30/30. £60,000 a year is £5,000 a month (Monthly basis).
/// </summary>
public abstract class PanelDatabaseTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Council = "320";
    private static readonly LocalDate September1 = new(2026, 9, 1);
    private static readonly PaymentSettings Settings = new(Council, new YearMonth(2026, 9));

    private readonly FakeClock _clock = new(Instant.FromUtc(2026, 8, 3, 9, 0), Duration.FromSeconds(1));
    private ModuleDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = await ModuleDatabase.CreateAsync(provider, _clock, Ct);
        var (c, f) = _database.Contexts("setup");
        await using (c)
        await using (f)
        {
            c.Providers.AddRange(new Provider("ACAD", "Oakfield Academy", ProvisionType.SpecialAcademy, Council, Phase.Secondary),
                new Provider("IND", "Hillside School", ProvisionType.IndependentSpecial, "881", Phase.Secondary));
            c.Children.AddRange(new Child("CH-1", "Amy", "Brown", new LocalDate(2013, 3, 1), Need.ASD, Council),
                new Child("CH-2", "Ben", "Carter", new LocalDate(2012, 5, 1), Need.SEMH, Council));
            await c.SaveChangesAsync(Ct);
            // CH-2 is already at the academy: a proposal overlapping it cannot be agreed.
            var ch2 = await c.Children.SingleAsync(x => x.Reference == "CH-2", Ct);
            var acad = await c.Providers.SingleAsync(p => p.Reference == "ACAD", Ct);
            var existing = new Placement("CH-2-1", ch2.Id, acad.Id, new LocalDate(2025, 9, 1), null, Council);
            existing.Agree(true, null);
            c.Placements.Add(existing);
            await c.SaveChangesAsync(Ct);
        }
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<T> UseAsync<T>(string actor, Func<CommissioningDb, FinanceDb, Task<T>> act)
    {
        var (c, f) = _database.Contexts(actor);
        await using (c)
        await using (f)
            return await act(c, f);
    }

    private static CostSplit Split(decimal education, decimal health, decimal social) =>
        CostSplit.ByPercentages(Money.FromPounds(60_000m), new Dictionary<Partner, decimal>
            { [Partner.Education] = education, [Partner.Health] = health, [Partner.SocialCare] = social });

    private Task<Referral> ReferAsync(string child, string provider, LocalDate start) =>
        UseAsync("sen.caseworker", (c, f) => new MakeReferral(c, f, _clock).RunAsync(new ReferralDraft(
            new PlacementProposal(child, provider, start, null, Attendance.Day, Council, null, false),
            Money.FromPounds(30_000m), Money.FromPounds(20_000m), Money.FromPounds(10_000m), "Complex ASD with self-injury; waking-night care.",
            AskHealth: true, AskSocialCare: true, "EHC plan 2026\nCAMHS report\nSocial care assessment"), "sen.caseworker", Ct));

    private async Task<string> OnAgendaAsync(string child, string provider, LocalDate start)
    {
        var referral = await ReferAsync(child, provider, start);
        await UseAsync("sen.caseworker", (_, f) => new SubmitReferral(f, _clock).RunAsync(referral.Reference, Ct));
        await UseAsync("panel.chair", (_, f) => new PlanPanelMeeting(f).RunAsync(new LocalDate(2026, 8, 20), "Civic Centre",
            [("Jo Head", Partner.Education, "Head of SEND"), ("Sam Nurse", Partner.Health, "ICB continuing care"), ("Lee Social", Partner.SocialCare, null)],
            [referral.Reference], Ct));
        return referral.Reference;
    }

    private Task<PanelDecision> DecideAsync(CaseDecision decision) =>
        UseAsync("panel.chair", (c, f) => new DecideCase(c, f, new SavePlacementAgreement(c, f, new MatchInvoiceLines(c, f, InvoiceSettings.Default)), _clock)
            .RunAsync(decision, "panel.chair", Ct));

    [Fact]
    public async Task Approval_AgreesThePlacementAndCreatesItsFunding_WithTheDecision()
    {
        var reference = await OnAgendaAsync("CH-1", "ACAD", September1);
        var decision = await DecideAsync(new CaseDecision(reference, PanelOutcome.Approve, "Needs cannot be met locally.", null, September1,
            new LocalDate(2027, 3, 1), Split(50, 30, 20)));

        await UseAsync("reader", async (c, f) =>
        {
            var placement = await c.Placements.SingleAsync(p => p.Reference == decision.PlacementReference, Ct);
            Assert.Equal(PlacementStatus.Agreed, placement.Status);
            var funding = await f.PlacementFunding.SingleAsync(x => x.PlacementId == placement.Id, Ct);
            Assert.Equal((September1, (Money?)Money.FromPounds(60_000m)), (funding.EffectiveFrom, funding.AgreedAnnualAmount));
            var referral = await f.Referrals.SingleAsync(r => r.Reference == reference, Ct);
            Assert.Equal(ReferralStatus.Decided, referral.Status);
            var stored = await f.PanelDecisions.SingleAsync(Ct);
            Assert.Equal((Money.FromPounds(18_000m), Money.FromPounds(12_000m)), (stored.Split!.Shares[1].AnnualSum, stored.Split.Shares[2].AnnualSum));
            Assert.True(await f.AuditEntries.AnyAsync(a => a.EntityType == nameof(PanelDecision) && a.Actor == "panel.chair", Ct));
            return 0;
        });
    }

    [Fact]
    public async Task APendingCase_IsExpectedDemandInTheBudgetForecast_AtItsProposedCost()
    {
        // £60,000 a year from 1 September: September to March is 7 twelfths, £35,000.00, in the pipeline of 1.2.2.
        await OnAgendaAsync("CH-1", "ACAD", September1);
        var forecast = await UseAsync("budget.holder", (c, f) => new Placements.Finance.Budgets.Forecasting.ForecastOutturn(
                new Placements.Finance.Budgets.Forecasting.LoadForecastInputs(c, f))
            .ForecastAsync(new FinancialYear(2026), new LocalDate(2026, 8, 21), Placements.Finance.Budgets.Forecasting.ForecastOptions.Base,
                new Placements.Finance.Budgets.Forecasting.BudgetSettings(Council, null, Placements.Finance.Budgets.Forecasting.RagThresholds.Default), Ct));
        var pending = forecast.Placements.Single(p => p.Placement.ChildReference == "CH-1");
        Assert.Equal((Placements.Finance.Budgets.Forecasting.PlacementStage.Proposed, Money.FromPounds(35_000m), (string?)null),
            (pending.Placement.Stage, pending.Pipeline, pending.Problem));
        Assert.Equal(Money.FromPounds(35_000m), forecast.Line("1.2.2").Figures.Pipeline);
    }

    [Fact]
    public async Task OneScope_CanMakeSubmitPlanAndDecide_InTurn()
    {
        // One request's contexts run two use cases that write both modules: the first shared transaction must let go.
        var (c, f) = _database.Contexts("panel.chair");
        await using (c)
        await using (f)
        {
            var referral = await new MakeReferral(c, f, _clock).RunAsync(new ReferralDraft(
                new PlacementProposal("CH-1", "ACAD", September1, null, Attendance.Day, Council, null, false),
                Money.FromPounds(30_000m), Money.FromPounds(20_000m), Money.FromPounds(10_000m), "Complex needs.", true, true, null), "panel.chair", Ct);
            await new SubmitReferral(f, _clock).RunAsync(referral.Reference, Ct);
            await new PlanPanelMeeting(f).RunAsync(new LocalDate(2026, 8, 20), null, [("Jo Head", Partner.Education, null)], [referral.Reference], Ct);
            var decision = await new DecideCase(c, f, new SavePlacementAgreement(c, f, new MatchInvoiceLines(c, f, InvoiceSettings.Default)), _clock)
                .RunAsync(new CaseDecision(referral.Reference, PanelOutcome.Approve, "Approved.", null, September1, new LocalDate(2027, 3, 1), Split(50, 30, 20)),
                    "panel.chair", Ct);
            Assert.Equal(PlacementStatus.Agreed, (await c.Placements.AsNoTracking().SingleAsync(p => p.Reference == decision.PlacementReference, Ct)).Status);
        }
    }

    [Fact]
    public async Task Approval_ThatCannotAgreeThePlacement_WritesNothing()
    {
        // CH-2 is already at the academy from September 2025: agreeing an overlapping placement is refused, so the
        // decision, the agreement of the placement and its funding are all rolled back together.
        var reference = await OnAgendaAsync("CH-2", "ACAD", September1);
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => DecideAsync(new CaseDecision(reference, PanelOutcome.Approve, "Agreed.", null,
            September1, new LocalDate(2027, 3, 1), Split(50, 30, 20))));
        Assert.Equal("PlacementsMustNotOverlap", refused.Rule);
        await UseAsync("reader", async (c, f) =>
        {
            Assert.Equal(PlacementStatus.Proposed, (await c.Placements.SingleAsync(p => p.Reference == "CH-2-2", Ct)).Status);
            Assert.False(await f.PanelDecisions.AnyAsync(Ct));
            Assert.False(await f.PlacementFunding.AnyAsync(Ct));
            Assert.Equal(ReferralStatus.OnAgenda, (await f.Referrals.SingleAsync(Ct)).Status);
            return 0;
        });
    }

    [Fact]
    public async Task Deferral_ReturnsTheCaseToTheList_AndApprovalOfAnIndependentSchool_CreatesItsAgreementAtTheFee()
    {
        var reference = await OnAgendaAsync("CH-1", "IND", September1);
        await DecideAsync(new CaseDecision(reference, PanelOutcome.Defer, "Awaiting the health assessment.", null, September1, null, null));
        await UseAsync("reader", async (_, f) =>
        {
            var deferred = await f.Referrals.SingleAsync(Ct);
            Assert.Equal((ReferralStatus.Submitted, (int?)null), (deferred.Status, deferred.MeetingId));
            return 0;
        });

        await UseAsync("panel.chair", (_, f) => new PlanPanelMeeting(f).RunAsync(new LocalDate(2026, 8, 27), null,
            [("Jo Head", Partner.Education, null), ("Sam Nurse", Partner.Health, null)], [reference], Ct));
        await DecideAsync(new CaseDecision(reference, PanelOutcome.ApproveWithConditions, "Needs met only here.", "Review the 1:1 after a term.",
            September1, new LocalDate(2026, 12, 1), Split(50, 30, 20)));
        await UseAsync("reader", async (_, f) =>
        {
            var agreement = await f.PlacementAgreements.Include(a => a.Fees).SingleAsync(Ct);
            Assert.Equal([(September1, Money.FromPounds(60_000m))], agreement.Fees.Select(x => (x.EffectiveFrom, x.AnnualAmount)));
            Assert.Equal(2, await f.PanelDecisions.CountAsync(Ct));
            return 0;
        });
    }

    [Fact]
    public async Task Recharges_AreEachPartnersShareOfWhatWasPaid_WithASplitChangedMidMonth_AndARecovery()
    {
        var reference = await OnAgendaAsync("CH-1", "ACAD", September1);
        var first = await DecideAsync(new CaseDecision(reference, PanelOutcome.Approve, "Approved.", null, September1, new LocalDate(2027, 3, 1), Split(50, 30, 20)));

        // September's run (approved 5 October) pays £5,000.00 for September.
        await PayAsync(new YearMonth(2026, 9), Instant.FromUtc(2026, 10, 5, 9, 0));
        // The panel changes the split from 16 October: a new decision superseding the first; the first is untouched.
        _clock.Reset(Instant.FromUtc(2026, 10, 20, 9, 0));
        var second = await DecideAsync(new CaseDecision(reference, PanelOutcome.Approve, "Social care's share rises.", null, new LocalDate(2026, 10, 16),
            new LocalDate(2027, 3, 1), Split(40, 30, 30)));
        Assert.Equal(first.Id, second.SupersedesId);
        // October's run (approved 5 November) pays £5,000.00 for October.
        await PayAsync(new YearMonth(2026, 10), Instant.FromUtc(2026, 11, 5, 9, 0));
        // The leaver date, 20 October, is recorded late: November's run (approved 5 December) recovers 21–31 October.
        await UseAsync("caseworker", async (c, _) =>
        {
            var placement = await c.Placements.SingleAsync(p => p.Reference == second.PlacementReference, Ct);
            placement.EndOn(new LocalDate(2026, 10, 20), CeaseReason.MovedToAnotherSetting);
            return await c.SaveChangesAsync(Ct);
        });
        await PayAsync(new YearMonth(2026, 11), Instant.FromUtc(2026, 12, 5, 9, 0));

        _clock.Reset(Instant.FromUtc(2027, 1, 4, 9, 0));
        var statements = new Dictionary<int, RechargeStatement[]>();
        foreach (var month in new[] { 10, 11, 12 })
            statements[month] = [.. (await PrepareAsync(RechargeSchedule.Monthly, new YearMonth(2026, month), Partner.Health, Partner.SocialCare)).Statements];
        Money Share(int month, Partner partner) => statements[month].Single(s => s.Partner == partner).Total;

        // October (September's run): £5,000.00 at 50/30/20 → health £1,500.00, social care £1,000.00.
        Assert.Equal((Money.FromPounds(1_500m), Money.FromPounds(1_000m)), (Share(10, Partner.Health), Share(10, Partner.SocialCare)));
        // November (October's run): £5,000.00 over October's 31 days: 1–15 October (15 days) £2,419.36 at 50/30/20 →
        // health £725.81, social care £483.87; 16–31 October (16 days) £2,580.64 at 40/30/30 → health £774.19, social care
        // £774.19 (education takes the odd penny). Health £1,500.00; social care £1,258.06.
        Assert.Equal((Money.FromPounds(1_500m), Money.FromPounds(1_258.06m)), (Share(11, Partner.Health), Share(11, Partner.SocialCare)));
        // December (November's run): the recovery of £1,774.19 (paid £10,000.00; due £5,000 + 20/31 × £5,000 = £8,225.81) is
        // for 21–31 October, the days paid after the leaving date, all under 40/30/30: health and social care are each
        // credited 30% of it, £532.257. By the remainder rule (each part rounded down, the odd pennies to education first,
        // then health) education is credited £709.67 + 1p and health £532.25 + 1p; social care £532.25.
        Assert.Equal((Money.FromPounds(-532.26m), Money.FromPounds(-532.25m)), (Share(12, Partner.Health), Share(12, Partner.SocialCare)));
        var recovery = statements[12].Single(s => s.Partner == Partner.SocialCare).Lines.Single();
        Assert.Equal((new LocalDate(2026, 10, 21), new LocalDate(2026, 10, 31), Money.FromPounds(-1_774.19m)),
            (recovery.DaysFrom, recovery.DaysTo, recovery.Paid));

        // Preparing a period again recharges nothing twice.
        var again = await PrepareAsync(RechargeSchedule.Monthly, new YearMonth(2026, 11), Partner.Health);
        Assert.Empty(again.Statements);
        Assert.Equal(["Health (ICB) already recharged for November 2026."], again.Notes);
        // Outstanding until the partner pays; health pays November's in part.
        var paid = await UseAsync("finance.officer", (_, f) => new RecordRechargeReceipt(f, _clock)
            .RunAsync(statements[11].Single(s => s.Partner == Partner.Health).Id, Money.FromPounds(1_000m), new LocalDate(2027, 1, 3), "finance.officer", Ct));
        Assert.Equal(Money.FromPounds(500m), paid.Outstanding);
    }

    [Fact]
    public async Task AQuarterlyPartner_IsRechargedItsQuarterOnceItIsOver_AndNeverAMonthTwice()
    {
        var reference = await OnAgendaAsync("CH-1", "ACAD", September1);
        await DecideAsync(new CaseDecision(reference, PanelOutcome.Approve, "Approved.", null, September1, new LocalDate(2027, 3, 1), Split(50, 30, 20)));
        var quarterlyHealth = new RechargeSchedule(RechargeFrequency.Quarterly, RechargeFrequency.Monthly);
        // Runs approved 5 October and 5 November pay £5,000.00 each (September, October).
        await PayAsync(new YearMonth(2026, 9), Instant.FromUtc(2026, 10, 5, 9, 0));
        await PayAsync(new YearMonth(2026, 10), Instant.FromUtc(2026, 11, 5, 9, 0));

        // 2 December: November is over, health's quarter (October–December) is not.
        _clock.Reset(Instant.FromUtc(2026, 12, 2, 9, 0));
        var early = await Assert.ThrowsAsync<DomainRuleException>(() => PrepareAsync(quarterlyHealth, new YearMonth(2026, 11), Partner.Health));
        Assert.Equal(("PeriodNotOver", "Health (ICB) is recharged quarterly: October – December 2026 can be recharged from 1 January 2027."),
            (early.Rule, early.Message));
        var november = await PrepareAsync(quarterlyHealth, new YearMonth(2026, 11), Partner.Health, Partner.SocialCare);
        Assert.Equal([("RCH-SOCIALCARE-2026-11", Money.FromPounds(1_000m))], november.Statements.Select(s => (s.Reference, s.Total)));
        Assert.Equal(["Health (ICB) is recharged quarterly: October – December 2026 can be recharged from 1 January 2027."], november.Notes);

        // The run approved 5 December pays November; on 4 January the quarter is over: three runs approved in it, 30% of
        // £15,000.00.
        await PayAsync(new YearMonth(2026, 11), Instant.FromUtc(2026, 12, 5, 9, 0));
        _clock.Reset(Instant.FromUtc(2027, 1, 4, 9, 0));
        var quarter = Assert.Single((await PrepareAsync(quarterlyHealth, new YearMonth(2026, 12), Partner.Health)).Statements);
        Assert.Equal(("RCH-HEALTH-2026-10-Q", new LocalDate(2026, 10, 1), new LocalDate(2026, 12, 31), Money.FromPounds(4_500m), 3),
            (quarter.Reference, quarter.PeriodStart, quarter.PeriodEnd, quarter.Total, quarter.Lines.Count));

        // Any month of the quarter names it: prepared once.
        var again = await PrepareAsync(quarterlyHealth, new YearMonth(2026, 10), Partner.Health);
        Assert.Equal((0, "Health (ICB) already recharged for October – December 2026."), (again.Statements.Count, Assert.Single(again.Notes)));
        // Health switched to monthly: November lies in the quarter already recharged, so it is refused and nothing written.
        var overlap = await Assert.ThrowsAsync<DomainRuleException>(() => PrepareAsync(RechargeSchedule.Monthly, new YearMonth(2026, 11), Partner.Health));
        Assert.Equal("PeriodOverlapsStatement", overlap.Rule);
        Assert.Contains("RCH-HEALTH-2026-10-Q already recharged October – December 2026", overlap.Message, StringComparison.Ordinal);
        Assert.Equal(2, await UseAsync("reader", (_, f) => f.RechargeStatements.CountAsync(Ct)));
        // The database holds the same line without the use case's check (two servers preparing at the same moment): each
        // month is recharged to a partner once, so a monthly November beside the quarter fails to save and writes nothing.
        Assert.Equal(["2026-10-01", "2026-11-01", "2026-12-01"], await UseAsync("reader", async (_, f) =>
            (await f.RechargedMonths.Where(m => m.RechargeStatementId == quarter.Id).ToListAsync(Ct)).Select(m => $"{m.MonthStart:yyyy-MM-dd}").Order().ToList()));
        var raced = await Assert.ThrowsAsync<DbUpdateException>(() => UseAsync("finance.officer", async (_, f) =>
        {
            f.RechargeStatements.Add(new RechargeStatement(Partner.Health, new DateInterval(new LocalDate(2026, 11, 1), new LocalDate(2026, 11, 30)),
                "finance.officer", _clock.GetCurrentInstant(), new LocalDate(2027, 2, 3), []));
            return await f.SaveChangesAsync(Ct);
        }));
        Assert.True(UniqueViolation.Is(raced), raced.InnerException?.Message);
        Assert.Equal(2, await UseAsync("reader", (_, f) => f.RechargeStatements.CountAsync(Ct)));
        // Asked for no partner, it prepares nothing and says so.
        Assert.Equal("Nothing to prepare.", (await PrepareAsync(quarterlyHealth, new YearMonth(2026, 12))).Message);
    }

    [Fact]
    public async Task ReviewCheck_FlagsACaseWhoseReviewDateHasPassed_AndIsIdempotent()
    {
        var reference = await OnAgendaAsync("CH-1", "ACAD", September1);
        await DecideAsync(new CaseDecision(reference, PanelOutcome.Approve, "Approved.", null, September1, new LocalDate(2026, 11, 30), Split(50, 30, 20)));
        Assert.Equal((0, 0), await UseAsync("job", (_, f) => new CheckPanelReviews(f).RunAsync(new LocalDate(2026, 11, 30), Ct)));
        Assert.Equal((1, 1), await UseAsync("job", (_, f) => new CheckPanelReviews(f).RunAsync(new LocalDate(2026, 12, 1), Ct)));
        Assert.Equal((1, 0), await UseAsync("job", (_, f) => new CheckPanelReviews(f).RunAsync(new LocalDate(2026, 12, 2), Ct)));
        await UseAsync("reader", async (_, f) =>
        {
            Assert.Equal(new LocalDate(2026, 11, 30), (await f.Referrals.SingleAsync(Ct)).ReviewOverdueSince);
            return 0;
        });
    }

    private Task<RechargeOutcome> PrepareAsync(RechargeSchedule schedule, YearMonth month, params Partner[] partners) =>
        UseAsync("finance.officer", (c, f) => new PrepareRechargeStatements(c, f, schedule, _clock).RunAsync(month, partners, "finance.officer", Ct));

    private async Task PayAsync(YearMonth month, Instant approvedAt)
    {
        _clock.Reset(approvedAt);
        await UseAsync("finance.officer", (c, f) => new PreparePaymentRun(c, f, _clock).RunAsync(month, "finance.officer", Settings, cancellationToken: Ct));
        await UseAsync("finance.approver", (_, f) => new ApprovePaymentRun(f, _clock)
            .ApproveAsync(month, new Approver("finance.approver", Money.FromPounds(1_000_000m)), null, cancellationToken: Ct));
    }
}

public sealed class PanelDatabaseOnSqliteTests() : PanelDatabaseTests(DatabaseProvider.Sqlite);

public sealed class PanelDatabaseOnPostgresTests() : PanelDatabaseTests(DatabaseProvider.Postgres);
