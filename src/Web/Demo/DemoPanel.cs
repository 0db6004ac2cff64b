using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Children;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Agreements;
using Placements.Finance.Persistence;
using Placements.Finance.PooledFunding;
using Placements.Web.Security;

namespace Placements.Web.Demo;

/// <summary>
/// The demo county's Joint Resources Panel (domain.md §8), made through the real use cases on clocks stopped at the
/// dates they happened. Six referrals of children with complex needs: a meeting early this academic year (members for
/// education, health and social care) approved two jointly funded placements from 1 September — one split by percentages
/// (50/30/20), one by fixed annual sums, with conditions — declined one and deferred one (back on the list); a later
/// decision changed the first case's split from 1 November (40/30/30); one more case is submitted for the next meeting
/// and one is still a draft. The first case's review is due within three months, the second's is overdue (flagged by the
/// review check). With the payment history (<c>Demo:PaymentRuns</c>) the runs pay the approved placements, so
/// <see cref="SeedRechargesAsync"/> then recharges last month to health and social care and records a part payment.
/// </summary>
/// <remarks>
/// The cases are seeded <b>before</b> the payment runs: a run pays only agreed placements with funding, and the panel's
/// approval is what agrees them and creates their funding, so seeding the panel after the runs would leave the jointly
/// funded placements unpaid and nothing to recharge. The recharges need the approved runs, so they come after them.
/// Children are chosen from the demo county among those with no agreed placement from the proposed start (the use
/// cases refuse overlapping placements), by reference, so the choice is the same on every seed of the same day.
/// </remarks>
public sealed class DemoPanel(IServiceProvider services, LocalDate today)
{
    public const string Caseworker = "commissioner";
    public const string Chair = "panel.member";
    public const string Officer = "finance.officer";

    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];

    private readonly CommissioningDb _commissioning = services.GetRequiredService<CommissioningDb>();

    /// <summary>
    /// Runs one use case in a scope of its own, as one request would, acting as <paramref name="actor"/>: a use case that
    /// writes both modules leaves the finance context enlisted in its (finished) shared transaction, so contexts are not
    /// reused across use cases.
    /// </summary>
    private async Task<T> AsAsync<T>(string actor, Func<CommissioningDb, FinanceDb, IServiceProvider, Task<T>> act)
    {
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<AuditActor>().ActingAs(actor);
        return await act(sp.GetRequiredService<CommissioningDb>(), sp.GetRequiredService<FinanceDb>(), sp);
    }

    /// <summary>1 September of this academic year: the approved placements start then, so this year's runs pay them.</summary>
    public LocalDate YearStart => AcademicYear.For(today).Start;

    /// <summary>The meeting early in September that decided the first cases.</summary>
    public LocalDate MeetingDate => Weekday(YearStart.PlusDays(2));

    public async Task SeedCasesAsync(CancellationToken cancellationToken = default)
    {
        var start = YearStart;
        var nextTerm = Weekday(new LocalDate(today.Year + (today.Month >= 9 ? 1 : 0), today.Month >= 9 ? 1 : 9, 4));
        if (nextTerm <= today) nextTerm = Weekday(today.PlusMonths(1));
        var providers = await _commissioning.Providers.AsNoTracking().ToDictionaryAsync(p => p.Name, p => p.Reference, cancellationToken);
        var children = await CandidatesAsync(start, cancellationToken);
        if (children.Count < 6) return; // a county without free children (never the demo's): no panel cases rather than a failed seed

        var referred = At(start.PlusMonths(-2), 10);
        async Task<string> Refer(string child, string provider, LocalDate from, decimal education, decimal care, decimal health, string needs, bool askHealth, bool askCare, string? documents, IClock clock)
        {
            var referral = await AsAsync(Caseworker, (c, f, _) => new MakeReferral(c, f, clock).RunAsync(new ReferralDraft(
                new PlacementProposal(child, providers[provider], from, null, Attendance.Day, DemoCounty.LaCode, null, false),
                Money.FromPounds(education), Money.FromPounds(care), Money.FromPounds(health), needs, askHealth, askCare, documents), Caseworker, cancellationToken));
            return referral.Reference;
        }
        async Task Submit(string reference, IClock clock)
        {
            await AsAsync(Caseworker, (_, f, _) => new SubmitReferral(f, clock).RunAsync(reference, cancellationToken));
        }

        // Referred in the summer for September, submitted before the meeting.
        var a = await Refer(children[0], "Westcombe Park Academy", start, 30_000m, 20_000m, 10_000m,
            "Autism with epilepsy and self-injury; needs waking-night care and nursing oversight of medication.",
            true, true, "EHC plan (annual review)\nCommunity paediatrician's report\nSocial care assessment", referred);
        var b = await Refer(children[1], "Brookfield School", start, 30_000m, 6_000m, 12_000m,
            "Profound and multiple learning disabilities; tube-fed, needs a trained carer for personal care and postural management.",
            true, true, "EHC plan\nContinuing care checklist\nPhysiotherapy report", referred);
        var c = await Refer(children[2], "Ashdown House School", start, 55_000m, 25_000m, 5_000m,
            "Autism with highly anxious, avoidant behaviour; the family ask for a residential independent school.",
            true, true, "EHC plan\nEducational psychologist's report", referred);
        var d = await Refer(children[3], "Eden Grove", nextTerm, 48_000m, 18_000m, 8_000m,
            "Social, emotional and mental health needs after a placement breakdown; CAMHS involved.",
            true, true, "EHC plan\nCAMHS letter", referred);
        foreach (var reference in new[] { a, b, c, d }) await Submit(reference, At(start.PlusMonths(-1), 10));

        await AsAsync(Chair, (_, f, _) => new PlanPanelMeeting(f).RunAsync(MeetingDate, "Council House, Committee Room 2",
            [("Priya Shah", Partner.Education, "Head of SEND (chair)"), ("Dr Tom Hughes", Partner.Health, "ICB continuing care lead"),
             ("Karen Wells", Partner.SocialCare, "Service manager, disabled children's team")], [a, b, c, d], cancellationToken));

        var decided = At(MeetingDate, 11);
        await Decide(new CaseDecision(a, PanelOutcome.Approve,
            "Needs cannot be met in a local mainstream or resourced setting; health and social care needs are significant and continuing.",
            null, start, Weekday(today.PlusMonths(2)), Percentages(60_000m, 50, 30, 20)), decided, cancellationToken);
        await Decide(new CaseDecision(b, PanelOutcome.ApproveWithConditions,
            "Meets the continuing care criteria; the school can meet the needs with a trained carer funded jointly.",
            "Health to confirm the carer's training by half term; review the care package after one term.", start,
            today.PlusDays(-today.Day) is var lastMonthEnd && lastMonthEnd > start ? lastMonthEnd : start.PlusDays(1),
            CostSplit.ByFixedSums(Money.FromPounds(48_000m), new Dictionary<Partner, Money>
                { [Partner.Education] = Money.FromPounds(30_000m), [Partner.Health] = Money.FromPounds(12_000m), [Partner.SocialCare] = Money.FromPounds(6_000m) })),
            decided, cancellationToken);
        await Decide(new CaseDecision(c, PanelOutcome.Decline,
            "The needs can be met at a local special school with outreach support; a residential placement is not needed for education, health or care.",
            null, start, null, null), decided, cancellationToken);
        await Decide(new CaseDecision(d, PanelOutcome.Defer, "Awaiting the CAMHS assessment; bring back to the next panel.", null, nextTerm, null, null),
            decided, cancellationToken);

        // Social care's share of the first case rises from 1 November (a later decision superseding the first from its date).
        var change = new LocalDate(start.Year, 11, 1);
        if (change < today)
            await Decide(new CaseDecision(a, PanelOutcome.Approve, "Overnight short breaks added to the care package: social care's share rises.", null,
                change, Weekday(today.PlusMonths(2)), Percentages(60_000m, 40, 30, 30)), At(change.PlusDays(-10), 15), cancellationToken);

        // Waiting for the next meeting, and a draft still being written.
        var e = await Refer(children[4], "Cedars Academy", nextTerm, 26_000m, 9_000m, 5_000m,
            "Autism and SEMH; needs a small-group setting with a health care plan for diabetes.", true, true,
            "EHC plan\nDiabetes care plan", At(today.PlusDays(-20), 10));
        await Submit(e, At(today.PlusDays(-14), 10));
        await Refer(children[5], "Calder Vale School", nextTerm, 52_000m, 15_000m, 0m,
            "Autism with sensory needs; social care supporting the family under a child in need plan.", false, true, null, At(today.PlusDays(-3), 10));

        // This morning's review check: the second case's review date has passed.
        await AsAsync("job:panel-reviews", (_, f, _) => new CheckPanelReviews(f).RunAsync(today, cancellationToken));
    }

    /// <summary>Last month's recharge statements to health and social care (after the payment runs), and health's part payment.</summary>
    public async Task SeedRechargesAsync(CancellationToken cancellationToken = default)
    {
        var month = today.ToYearMonth().PlusMonths(-1);
        var prepared = At(today.ToYearMonth().OnDayOfMonth(1), 9);
        var outcome = await AsAsync(Officer, (c, f, sp) => new PrepareRechargeStatements(c, f, sp.GetRequiredService<RechargeSchedule>(), prepared)
            .RunAsync(month, RechargeSchedule.Recharged, Officer, cancellationToken));
        if (outcome.Statements.FirstOrDefault(s => s.Partner == Partner.Health && s.Total.Pence > 1) is { } health)
            await AsAsync(Officer, (_, f, _) => new RecordRechargeReceipt(f, prepared).RunAsync(health.Id, Money.FromPence(health.Total.Pence / 2),
                today.ToYearMonth().OnDayOfMonth(1), Officer, cancellationToken));
    }

    private async Task Decide(CaseDecision decision, IClock clock, CancellationToken cancellationToken)
    {
        await AsAsync(Chair, (c, f, sp) => new DecideCase(c, f, sp.GetRequiredService<SavePlacementAgreement>(), clock).RunAsync(decision, Chair, cancellationToken));
    }

    /// <summary>Children of the county aged 5–15 with complex needs and no agreed placement from <paramref name="from"/>, by reference.</summary>
    private async Task<List<string>> CandidatesAsync(LocalDate from, CancellationToken cancellationToken)
    {
        var busy = await _commissioning.Placements.AsNoTracking()
            .Where(p => p.Status != PlacementStatus.Proposed && (p.End == null || p.End >= from)).Select(p => p.ChildId).Distinct().ToListAsync(cancellationToken);
        var busySet = busy.ToHashSet();
        var complex = new[] { Need.ASD, Need.SLD, Need.PMLD, Need.SEMH, Need.MSI, Need.PD };
        var oldest = from.PlusYears(-16);
        var youngest = from.PlusYears(-5);
        var children = await _commissioning.Children.AsNoTracking()
            .Where(c => c.ResidentLa == DemoCounty.LaCode && c.DateOfBirth > oldest && c.DateOfBirth <= youngest)
            .Select(c => new { c.Id, c.Reference, c.PrimaryNeed }).ToListAsync(cancellationToken);
        // C100001 and C100002 are the children the walkthroughs use: left as they are.
        return children.Where(c => !busySet.Contains(c.Id) && complex.Contains(c.PrimaryNeed) && c.Reference is not ("C100001" or "C100002"))
            .Select(c => c.Reference).Order(StringComparer.Ordinal).Take(6).ToList();
    }

    private static CostSplit Percentages(decimal annual, decimal education, decimal health, decimal socialCare) =>
        CostSplit.ByPercentages(Money.FromPounds(annual), new Dictionary<Partner, decimal>
            { [Partner.Education] = education, [Partner.Health] = health, [Partner.SocialCare] = socialCare });

    private static LocalDate Weekday(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Saturday => date.PlusDays(2),
        IsoDayOfWeek.Sunday => date.PlusDays(1),
        _ => date,
    };

    private static IClock At(LocalDate date, int hour) => new StoppedClock(date.At(new LocalTime(hour, 0)).InZoneLeniently(London).ToInstant());

    private sealed class StoppedClock(Instant now) : IClock
    {
        public Instant GetCurrentInstant() => now;
    }
}
