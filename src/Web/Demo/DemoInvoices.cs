using Microsoft.EntityFrameworkCore;
using NodaTime;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Placements.Finance;
using Placements.Finance.Agreements;
using Placements.Finance.Agreements.Calculation;
using Placements.Finance.Invoices;
using Placements.Finance.Persistence;
using Placements.Web.Security;

namespace Placements.Web.Demo;

/// <summary>
/// The demo county's independent placements as a finance officer meets them (issue 6): an individual placement agreement
/// for every active independent special school placement but two, the Bank of England base rate table, and the last
/// quarter's provider invoices in every state a line can be in. Invoices go through the real use cases — recorded by
/// <c>finance.officer</c>, approved, queried and rejected by <c>finance.approver</c> — so the demo shows what the product
/// does, not what a seed wrote. Deterministic (fixed random seed) and relative to <c>today</c>, so the demo works on any date.
/// </summary>
public sealed class DemoInvoices(IServiceProvider services, LocalDate today)
{
    public const string Officer = "finance.officer";
    public const string Approver = "finance.approver";

    /// <summary>How many active independent placements are left without an agreement, so the queue has lines "to match".</summary>
    public const int WithoutAgreement = 2;

    /// <summary>
    /// The Bank of England base rate (basis points) from each Monetary Policy Committee decision since March 2020: the
    /// published decisions up to August 2025. Later changes must be added by an administrator.
    /// </summary>
    public static readonly IReadOnlyList<(LocalDate From, int BasisPoints)> BaseRates =
    [
        (new(2020, 3, 19), 10), (new(2021, 12, 16), 25), (new(2022, 2, 3), 50), (new(2022, 3, 17), 75), (new(2022, 5, 5), 100),
        (new(2022, 6, 16), 125), (new(2022, 8, 4), 175), (new(2022, 9, 22), 225), (new(2022, 11, 3), 300), (new(2022, 12, 15), 350),
        (new(2023, 2, 2), 400), (new(2023, 3, 23), 425), (new(2023, 5, 11), 450), (new(2023, 8, 3), 525), (new(2024, 8, 1), 500),
        (new(2024, 11, 7), 475), (new(2025, 2, 6), 450), (new(2025, 5, 8), 425), (new(2025, 8, 7), 400),
    ];

    private readonly Random _random = new(6);
    private readonly CommissioningDb _commissioning = services.GetRequiredService<CommissioningDb>();
    private readonly FinanceDb _finance = services.GetRequiredService<FinanceDb>();
    private readonly AuditActor _actor = services.GetRequiredService<AuditActor>();
    private readonly HashSet<int> _unagreed = [];
    private readonly Dictionary<int, int> _paymentTerms = [];

    /// <summary>One active independent placement as the seed reads it.</summary>
    private sealed record Candidate(Placement Placement, Provider Provider, string ChildReference, string ChildInitials);

    /// <summary>An invoice to be: a provider, a period, and its lines (one per child).</summary>
    private sealed class Planned(Provider provider, InvoicingPattern pattern, DateInterval period)
    {
        public Provider Provider { get; } = provider;
        public InvoicingPattern Pattern { get; } = pattern;
        public DateInterval Period { get; } = period;
        public List<(Candidate Candidate, DateInterval Period, Money Amount, string Description)> Lines { get; } = [];
        public bool Latest { get; set; }
        public LocalDate InvoiceDate { get; set; }
        public LocalDate ReceivedOn { get; set; }
        public string Number { get; set; } = "";
        public Invoice? Recorded { get; set; }
    }

    /// <summary>
    /// Seeds the agreements and invoices once the county is committed, all or nothing: one transaction shared by both
    /// contexts, which the recording use case joins (it opens its own only when the caller has none; the decisions save
    /// without one). The daily deadline check then flags what is due soon and overdue, as the 07:00 job would: it keeps
    /// its own transaction, so it runs after the commit (it is idempotent, and the job would repeat it harmlessly).
    /// </summary>
    public static async Task SeedInItsOwnTransactionAsync(IServiceProvider services, LocalDate today, CancellationToken cancellationToken = default)
    {
        var commissioning = services.GetRequiredService<CommissioningDb>();
        var finance = services.GetRequiredService<FinanceDb>();
        await using var transaction = await SharedTransaction.BeginAsync(commissioning, finance, cancellationToken);
        await new DemoInvoices(services, today).SeedAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await services.GetRequiredService<CheckInvoiceDeadlines>().RunAsync(today, cancellationToken);
    }

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        // The county's thousands of rows are saved: tracking them would make every save below scan them all again.
        _commissioning.ChangeTracker.Clear();
        _finance.ChangeTracker.Clear();
        _finance.BaseRates.AddRange(BaseRates.Select(r => new BaseRate(r.From, r.BasisPoints)));
        var calendar = new TermCalendar(await _commissioning.Terms.AsNoTracking().ToListAsync(cancellationToken),
            await _commissioning.SchoolClosures.AsNoTracking().ToListAsync(cancellationToken));
        var candidates = await CandidatesAsync(cancellationToken);

        // Two placements (at different providers) left without an agreement: their invoices cannot be matched.
        var shuffled = candidates.OrderBy(_ => _random.Next()).ToList();
        var unagreed = shuffled.Take(1).Concat(shuffled.Skip(1).Where(c => c.Provider.Id != shuffled[0].Provider.Id).Take(1)).ToList();
        _unagreed.UnionWith(unagreed.Select(c => c.Placement.Id));
        var agreed = candidates.Except(unagreed).ToList();
        var agreements = agreed.Select((c, i) => AgreementFor(c, i == 0)).ToList();
        foreach (var agreement in agreements) _paymentTerms[agreement.PlacementId] = agreement.PaymentTermDays;
        _finance.PlacementAgreements.AddRange(agreements);
        await _finance.SaveChangesAsync(cancellationToken);

        var invoices = Plan(agreed.Zip(agreements), unagreed, calendar);
        await RecordAndDecideAsync(invoices, cancellationToken);
        // Nothing is seeded as paid: an invoice is paid only by an approved payment run, and the demo county seeds no runs
        // (its payment history starts with the first run a demo user prepares; that run pays the approved invoices' Fee lines).
        _actor.ActingAs("system:demo-seed");
    }

    private async Task<List<Candidate>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var rows = await (from p in _commissioning.Placements
                          join provider in _commissioning.Providers on p.ProviderId equals provider.Id
                          join child in _commissioning.Children on p.ChildId equals child.Id
                          where provider.ProvisionType == ProvisionType.IndependentSpecial && p.Status == PlacementStatus.Agreed
                          select new { Placement = p, Provider = provider, Child = child })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.Where(r => r.Placement.IsActiveOn(today))
            .OrderBy(r => r.Placement.Reference, StringComparer.Ordinal)
            .Select(r => new Candidate(r.Placement, r.Provider, r.Child.Reference, r.Child.Initials))
            .ToList();
    }

    // ---- Agreements -------------------------------------------------------------------------------------------

    private PlacementAgreement AgreementFor(Candidate c, bool dailyRateExample)
    {
        var p = c.Placement;
        var pattern = _random.Next(100) < 75 ? InvoicingPattern.TermlyInAdvance : InvoicingPattern.MonthlyInArrears;
        var split = _random.Next(100) < 80 ? TermSplit.SchoolDays : TermSplit.EqualThirds;
        var nextApril = new LocalDate(today.Month >= 4 ? today.Year + 1 : today.Year, 4, 1);
        var agreement = new PlacementAgreement(p.Id, p.Reference, c.Provider.Id, c.Provider.Reference, pattern, split,
            feesPayableDuringAbsence: _random.Next(100) < 85, "one term", nextApril,
            paymentTermDays: _random.Next(100) < 4 ? 20 : 30, $"NSCC/{p.Start.Year}/{p.Id:00000}");

        if (dailyRateExample && p.Attendance == Attendance.Day)
            agreement.ChangeFee(AgreementFee.Daily(p.Start, Money.FromPounds(175.52m), 195)); // £175.52 × 195 = £34,226.40
        else
        {
            var (low, high) = p.Attendance switch { Attendance.Residential52 => (150, 220), Attendance.WeeklyBoarding => (80, 110), _ => (45, 65) };
            var fee = Money.FromPounds(_random.Next(low * 100, high * 100 + 1) * 10m); // to the £10
            agreement.ChangeFee(AgreementFee.Annual(p.Start, fee));
            // A few providers raised their fee at the last review date (1 April): 3%, to the pound.
            var lastApril = nextApril.PlusYears(-1);
            if (lastApril > p.Start && _random.Next(100) < 20)
                agreement.ChangeFee(AgreementFee.Annual(lastApril, Money.FromPounds(decimal.Round(fee.ToPounds() * 1.03m, 0, MidpointRounding.AwayFromZero))));
        }

        if (_random.Next(100) < 30)
            agreement.AddExtra(new AgreementExtra(ExtraKind.OneToOneSupport, "1:1 teaching assistant", Pounds(8_000, 20_000), p.Start, null));
        if (_random.Next(100) < 20)
            agreement.AddExtra(new AgreementExtra(ExtraKind.Therapy, "Speech and language therapy", Pounds(3_000, 6_000), p.Start, null));
        if (_random.Next(100) < 25)
            agreement.AddExtra(new AgreementExtra(ExtraKind.Transport, "Home to school transport", Pounds(5_000, 12_000), p.Start, null));
        return agreement;
    }

    private Money Pounds(int low, int high) => Money.FromPounds(_random.Next(low / 10, high / 10 + 1) * 10m);

    // ---- The quarter's invoices -------------------------------------------------------------------------------

    /// <summary>
    /// The periods invoiced in the quarter before today, one invoice per provider and period (a provider invoices all its
    /// children of a term or month together): terms in advance (the current term, and any earlier term still in the
    /// quarter), months in arrears (the last three complete months). Every amount is the agreement's expected amount.
    /// </summary>
    private List<Planned> Plan(IEnumerable<(Candidate Candidate, PlacementAgreement Agreement)> agreed, List<Candidate> unagreed, TermCalendar calendar)
    {
        // BillingPeriods clips to the window given: ask for a wide one and keep the periods of the quarter whole.
        var quarterStart = today.PlusMonths(-3);
        var wide = new DateInterval(today.PlusYears(-1), today.PlusMonths(6));
        // Placements without an agreement are invoiced on their own (new placements often are), the rest one invoice per provider and period.
        var byKey = new Dictionary<(int Provider, InvoicingPattern Pattern, LocalDate End, bool Unagreed), Planned>();
        void Add(Candidate c, AgreementTerms terms)
        {
            foreach (var period in ExpectedAmount.BillingPeriods(terms, wide, calendar))
            {
                var inQuarter = terms.Invoicing == InvoicingPattern.MonthlyInArrears
                    ? period.End < today && period.End >= quarterStart // months in arrears: the last three complete months
                    : period.Start <= today && period.End >= quarterStart && period.Start >= quarterStart.PlusMonths(-1); // terms in advance: the term under way or last ended (begun within four months)
                if (!inQuarter) continue;
                var expected = ExpectedAmount.For(terms, period, calendar);
                if (expected.Total.IsZero) continue;
                var key = (c.Provider.Id, terms.Invoicing, period.End, _unagreed.Contains(c.Placement.Id));
                if (!byKey.TryGetValue(key, out var invoice))
                    byKey[key] = invoice = new Planned(c.Provider, terms.Invoicing, period);
                invoice.Lines.Add((c, period, expected.Total, Describe(terms.Invoicing, period)));
            }
        }
        foreach (var (c, agreement) in agreed)
            Add(c, agreement.ToTerms(c.Placement.Start, c.Placement.End, c.Placement.Attendance));
        // The placements without an agreement are invoiced by their schools all the same, at a typical day fee.
        foreach (var c in unagreed)
            Add(c, new AgreementTerms(c.Placement.Reference, c.Placement.Start, c.Placement.End, c.Placement.Attendance, InvoicingPattern.TermlyInAdvance,
                TermSplit.SchoolDays, [new FeeRow(c.Placement.Start, Money.FromPounds(58_650))], []));

        var invoices = byKey.Values.OrderBy(i => i.Provider.Reference, StringComparer.Ordinal).ThenBy(i => i.Period.End).ToList();
        foreach (var group in invoices.GroupBy(i => (i.Provider.Id, i.Pattern, i.Lines.Any(l => _unagreed.Contains(l.Candidate.Placement.Id)))))
        {
            var latest = group.Max(i => i.Period.End);
            foreach (var i in group) i.Latest = i.Period.End == latest;
        }
        var sequence = new Dictionary<int, int>();
        foreach (var invoice in invoices)
        {
            // The provider's own dates: termly invoices a fortnight before the term, monthly ones just after the month.
            invoice.InvoiceDate = invoice.Pattern == InvoicingPattern.TermlyInAdvance ? invoice.Period.Start.PlusDays(-14) : invoice.Period.End.PlusDays(_random.Next(1, 5));
            invoice.ReceivedOn = invoice.InvoiceDate.PlusDays(_random.Next(2, 6));
            // The latest period's invoices arrived in the last fortnight (the officer's queue); none is dated in the future.
            if (invoice.Latest && invoice.ReceivedOn < today.PlusDays(-14))
                invoice.ReceivedOn = today.PlusDays(-_random.Next(1, 12));
            if (invoice.ReceivedOn > today) invoice.ReceivedOn = today;
            if (invoice.InvoiceDate > invoice.ReceivedOn || invoice.ReceivedOn.PlusDays(-20) > invoice.InvoiceDate)
                invoice.InvoiceDate = invoice.ReceivedOn.PlusDays(-Math.Min(3, _random.Next(1, 4)));
            var next = sequence[invoice.Provider.Id] = sequence.TryGetValue(invoice.Provider.Id, out var n) ? n + _random.Next(1, 9) : 100 + _random.Next(800);
            invoice.Number = $"{Prefix(invoice.Provider.Name)}-{invoice.InvoiceDate.Year}-{next:0000}";
        }
        return invoices;
    }

    private static string Describe(InvoicingPattern pattern, DateInterval period) => pattern == InvoicingPattern.MonthlyInArrears
        ? $"Fees for {period.Start:MMMM uuuu}"
        : $"{(period.Start.Month is >= 9 ? "Autumn" : period.Start.Month <= 3 ? "Spring" : "Summer")} term {period.Start.Year} fees";

    private static string Prefix(string providerName) =>
        new string(providerName.Where(char.IsLetter).Take(3).ToArray()).ToUpperInvariant();

    /// <summary>
    /// Records the quarter as the finance officer, then decides it as the finance approver: older periods approved (awaiting
    /// payment), the latest period mostly ready to approve, and one invoice in each other state.
    /// </summary>
    private async Task RecordAndDecideAsync(List<Planned> invoices, CancellationToken cancellationToken)
    {
        var latest = invoices.Where(i => i.Latest && i.Lines.All(l => !_unagreed.Contains(l.Candidate.Placement.Id))).ToList();
        // Pick the invoices that will show the states, each a different one of the latest period (round-robin over providers).
        var picked = new List<Planned>();
        Planned Take(Func<Planned, bool>? fits = null)
        {
            var pick = latest.Where(i => !picked.Contains(i) && (fits is null || fits(i))).OrderBy(i => i.Lines.Count).ThenBy(i => i.Number, StringComparer.Ordinal).FirstOrDefault()
                ?? throw new InvalidOperationException("The demo county has too few independent placements to show every invoice state.");
            picked.Add(pick);
            return pick;
        }
        var queried = Take();
        var partly = Take();
        var credited = Take();
        var handQueried = Take();
        // Due soon needs the statutory 30 days (a 20-day contract term would make it overdue already).
        var dueSoon = Take(i => i.Lines.All(l => _paymentTerms[l.Candidate.Placement.Id] == 30));
        var overdue = Take();
        var approvedLatest = Take();

        // Deliberate variances: an unagreed extra beyond the tolerance on one line of each.
        Overcharge(queried, Money.FromPounds(1_850), "Additional 1:1 sessions (not agreed)");
        Overcharge(partly, Money.FromPounds(2_400), "Taxi to and from school (not agreed)");
        Overcharge(credited, Money.FromPounds(975), "Off-site activity charge (not agreed)");
        // Arrivals about 25 and 40 days ago, not yet paid: one due soon, one overdue.
        Arrived(dueSoon, today.PlusDays(-25));
        Arrived(overdue, today.PlusDays(-40));

        var record = services.GetRequiredService<RecordInvoice>();
        _actor.ActingAs(Officer);
        var recorded = await record.RecordAllAsync(invoices.Select(Draft).ToList(), Officer, cancellationToken);
        foreach (var (invoice, saved) in invoices.Zip(recorded)) invoice.Recorded = saved;

        // The provider resent one invoice under a new number: recorded (with the reason) and then rejected as a duplicate.
        var resent = Take();
        var first = resent.Lines[0];
        var duplicate = await record.RecordAsync(new InvoiceDraft(resent.Provider.Reference, resent.Number + "R", InvoiceKind.Invoice, resent.InvoiceDate,
            today, null,
            [new InvoiceLineDraft(first.Candidate.ChildReference, first.Candidate.Placement.Reference, first.Period.Start, first.Period.End, first.Amount,
                first.Description, "Recorded to keep the provider's resubmission on file")], "form"), Officer, cancellationToken);
        // The provider credits the unagreed charge on one queried invoice: the credit note nets it off the open line.
        var overcharged = credited.Lines[^1];
        await record.RecordAsync(new InvoiceDraft(credited.Provider.Reference, credited.Number + "-CN", InvoiceKind.CreditNote, credited.ReceivedOn, today,
            credited.Number,
            [new InvoiceLineDraft(overcharged.Candidate.ChildReference, overcharged.Candidate.Placement.Reference, overcharged.Period.Start,
                overcharged.Period.End, Money.FromPounds(975), "Credit: off-site activity charged in error", null)], "form"), Officer, cancellationToken);
        _actor.ActingAs(Approver);
        var approve = services.GetRequiredService<ApproveInvoice>();
        var decide = services.GetRequiredService<QueryInvoiceLine>();
        await decide.RejectAsync(duplicate.Lines[0].Id, $"Duplicate of invoice {resent.Number}: the same child and term are already invoiced.", Approver, cancellationToken);
        await decide.QueryAsync(handQueried.Recorded!.Lines[0].Id, "The provider's attendance return for the period has not arrived: asked for it before approving.",
            Approver, cancellationToken);

        // Partly approved: the agreed fee approved, the unagreed taxi left in dispute.
        var disputed = partly.Recorded!.Lines[^1];
        var agreedAmount = partly.Lines[^1].Amount - Money.FromPounds(2_400);
        await approve.ApproveAsync(partly.Recorded.Id,
            [new LineApproval(disputed.Id, agreedAmount, "Agreed fee approved; the taxi is not in the agreement and is queried with the school.")],
            Approver, cancellationToken);
        // Older periods, and one of the latest: approved in full, awaiting the payment run.
        foreach (var invoice in invoices.Where(i => (!i.Latest || i == approvedLatest) && i.Lines.All(l => !_unagreed.Contains(l.Candidate.Placement.Id))))
            await approve.ApproveReadyLinesAsync(invoice.Recorded!.Id, Approver, cancellationToken);
        _actor.ActingAs("system:demo-seed");
    }

    private static void Overcharge(Planned invoice, Money extra, string what)
    {
        var (c, period, amount, description) = invoice.Lines[^1];
        invoice.Lines[^1] = (c, period, amount + extra, $"{description}; {what} {extra}");
    }

    private static void Arrived(Planned invoice, LocalDate receivedOn)
    {
        invoice.ReceivedOn = receivedOn;
        if (invoice.InvoiceDate > receivedOn) invoice.InvoiceDate = receivedOn.PlusDays(-3);
    }

    private static InvoiceDraft Draft(Planned invoice) => new(invoice.Provider.Reference, invoice.Number, InvoiceKind.Invoice, invoice.InvoiceDate,
        invoice.ReceivedOn, null,
        invoice.Lines.Select(l => new InvoiceLineDraft(l.Candidate.ChildReference, l.Candidate.Placement.Reference, l.Period.Start, l.Period.End,
            l.Amount, l.Description, null)).ToList(), "form");
}
