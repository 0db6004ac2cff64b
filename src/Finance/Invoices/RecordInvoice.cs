using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Placements.Commissioning.Persistence;
using Placements.Commissioning.Placements;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;

namespace Placements.Finance.Invoices;

/// <summary>
/// Records an invoice or credit note from the form (and, for each invoice of a file, from the provider CSV import), in one
/// transaction, then matches its lines. Every error is found before anything is written:
/// unknown provider or child; child with no placement at the provider covering the period (<c>PeriodOutsidePlacement</c>);
/// negative or zero amounts; invoice or received date in the future; period ending before it starts;
/// same provider + invoice number already recorded (<c>DuplicateInvoiceNumber</c>, never overridable);
/// same child and overlapping period already on another invoice that is not rejected (<c>PeriodAlreadyInvoiced</c>, unless
/// the line carries an override reason); a credit note naming no known invoice of the provider (<c>UnknownCreditedInvoice</c>)
/// or crediting a child/period not on that invoice. The due date is receipt + the agreement's payment term (30 days by default).
/// The recorder is kept: they cannot approve it.
/// </summary>
/// <remarks>
/// Errors name the field as the provider CSV's column (<c>provider_ref</c>, <c>invoice_number</c>, <c>invoice_date</c>,
/// <c>received_date</c>, <c>credits_invoice</c>, <c>child_ref</c>, <c>placement_ref</c>, <c>period_start</c>, <c>period_end</c>,
/// <c>amount</c>, <c>description</c>, <c>duplicate_override_reason</c>), and the line as the CSV line (<see cref="InvoiceLineDraft.SourceLine"/>)
/// or, from the form, the 1-based line of the draft; invoice-wide errors have no line (from a file: the invoice's first row). Commissioning is only read.
/// </remarks>
public sealed class RecordInvoice(CommissioningDb commissioning, FinanceDb finance, IClock clock, InvoiceSettings settings)
{
    /// <summary>The <see cref="InvoiceDraft.Source"/> of an invoice entered on the form.</summary>
    public const string FormSource = "form";

    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly LocalDatePattern Day = LocalDatePattern.Create("d MMM uuuu", CultureInfo.InvariantCulture);

    /// <exception cref="InvoiceRejectedException">Every error found; nothing written.</exception>
    public async Task<Invoice> RecordAsync(InvoiceDraft draft, string recordedBy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return (await RecordAllAsync([draft], recordedBy, cancellationToken))[0];
    }

    /// <summary>Every error in a batch of drafts (the import checks a whole file before writing any of it; drafts may also clash with each other).</summary>
    public async Task<IReadOnlyList<InvoiceError>> ValidateAsync(IReadOnlyList<InvoiceDraft> drafts, CancellationToken cancellationToken = default) =>
        (await CheckAsync(drafts, cancellationToken)).Errors;

    /// <summary>Records a batch already validated, in the caller's transaction or its own: all or nothing.</summary>
    /// <exception cref="InvoiceRejectedException">Every error found; nothing written.</exception>
    public async Task<IReadOnlyList<Invoice>> RecordAllAsync(IReadOnlyList<InvoiceDraft> drafts, string recordedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recordedBy);
        var check = await CheckAsync(drafts, cancellationToken);
        if (check.Errors.Count > 0) throw new InvoiceRejectedException(check.Errors);
        var resolved = check.Drafts.Select(d => d!).ToList();
        if (resolved.Count == 0) return [];

        var placementIds = resolved.SelectMany(d => d.Lines).Select(l => l.Placement.Id).Distinct().ToList();
        var terms = await finance.PlacementAgreements.AsNoTracking().Where(a => placementIds.Contains(a.PlacementId))
            .ToDictionaryAsync(a => a.PlacementId, a => a.PaymentTermDays, cancellationToken);
        var now = clock.GetCurrentInstant();

        var own = finance.Database.CurrentTransaction is null ? await finance.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var invoices = new Invoice?[resolved.Count];
            // Invoices first, so a credit note of the same batch can name their lines' ids.
            foreach (var pass in new[] { InvoiceKind.Invoice, InvoiceKind.CreditNote })
            {
                for (var d = 0; d < resolved.Count; d++)
                {
                    if (resolved[d].Draft.Kind != pass) continue;
                    invoices[d] = NewInvoice(resolved[d], invoices, terms, recordedBy, now);
                    finance.Invoices.Add(invoices[d]!);
                }
                await finance.SaveChangesAsync(cancellationToken);
            }
            await new MatchInvoiceLines(commissioning, finance, settings).MatchAsync(placementIds, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return invoices.Select(i => i!).ToList();
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    private static Invoice NewInvoice(ResolvedDraft d, Invoice?[] batch, Dictionary<int, int> terms, string recordedBy, Instant now)
    {
        var draft = d.Draft;
        var termDays = d.Lines.Select(l => terms.GetValueOrDefault(l.Placement.Id, 30)).DefaultIfEmpty(30).Min();
        var creditsInvoiceId = d.CreditsInvoiceId ?? (d.CreditsBatchDraft is { } b ? batch[b]!.Id : null);
        var invoice = new Invoice(d.Provider.Id, d.Provider.Reference, draft.Number, draft.Kind, draft.InvoiceDate, draft.ReceivedOn,
            termDays, recordedBy, now, string.IsNullOrWhiteSpace(draft.Source) ? FormSource : draft.Source.Trim(), creditsInvoiceId);
        foreach (var line in d.Lines)
        {
            var credit = draft.Kind == InvoiceKind.CreditNote;
            long? creditsLineId = line.CreditsLineId ?? (line.CreditsBatchLine is { } at ? batch[at.Draft]!.Lines[at.Line].Id : null);
            invoice.AddLine(new InvoiceLine(line.Placement.Id, line.Placement.Reference, line.Child.Reference,
                PaymentRunInputs.Initials(line.Child.GivenName, line.Child.FamilyName),
                line.Draft.PeriodStart, line.Draft.PeriodEnd, credit ? -line.Draft.Amount : line.Draft.Amount, line.Draft.Description,
                credit ? creditsLineId : null, credit ? null : line.Draft.DuplicateOverrideReason));
        }
        return invoice;
    }

    // ---- checking -------------------------------------------------------------------------------------------------

    private sealed record ProviderRow(int Id, string Reference);

    private sealed record ChildRow(int Id, string Reference, string GivenName, string FamilyName);

    private sealed record PlacementRow(int Id, string Reference, int ChildId, int ProviderId, LocalDate Start, LocalDate? End, PlacementStatus Status)
    {
        public bool Contains(LocalDate start, LocalDate end) => Status != PlacementStatus.Proposed && Start <= start && (End is null || end <= End);
    }

    private sealed record InvoiceRow(int Id, int ProviderId, string Number, InvoiceKind Kind);

    private sealed record LineRow(long Id, int InvoiceId, string InvoiceNumber, InvoiceKind Kind, int LineNumber, int PlacementId,
        LocalDate Start, LocalDate End, Money Amount, InvoiceLineStatus Status, long? CreditsLineId);

    /// <summary>A line resolved to its child and placement (and, on a credit note, the line it credits: stored, or in the batch).</summary>
    private sealed record ResolvedLine(InvoiceLineDraft Draft, int Line, ChildRow Child, PlacementRow Placement, long? CreditsLineId, (int Draft, int Line)? CreditsBatchLine);

    private sealed record ResolvedDraft(InvoiceDraft Draft, ProviderRow Provider, List<ResolvedLine> Lines, int? CreditsInvoiceId, int? CreditsBatchDraft);

    private sealed record Check(IReadOnlyList<InvoiceError> Errors, IReadOnlyList<ResolvedDraft?> Drafts);

    /// <summary>What is known while checking: the stored rows read once, and the batch's drafts checked so far.</summary>
    private sealed class Known
    {
        public required Dictionary<string, ProviderRow> Providers { get; init; }
        public required Dictionary<string, ChildRow> Children { get; init; }
        public required List<PlacementRow> Placements { get; init; }
        public required List<InvoiceRow> Invoices { get; init; }
        public required List<LineRow> Lines { get; init; }
        public required LocalDate Today { get; init; }
        public ResolvedDraft?[] Batch { get; set; } = [];
        /// <summary>Credited amount so far (positive) by stored line id or batch line, from stored credits and the batch's.</summary>
        public Dictionary<object, Money> Credited { get; } = [];
    }

    private async Task<Check> CheckAsync(IReadOnlyList<InvoiceDraft> drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var known = await LoadAsync(drafts, cancellationToken);
        known.Batch = new ResolvedDraft?[drafts.Count];
        var errors = new List<InvoiceError>[drafts.Count];
        // Invoices before credit notes: a credit note may credit an invoice of the same batch.
        for (var d = 0; d < drafts.Count; d++)
            if (drafts[d].Kind != InvoiceKind.CreditNote) errors[d] = CheckDraft(drafts, d, known);
        for (var d = 0; d < drafts.Count; d++)
            if (drafts[d].Kind == InvoiceKind.CreditNote) errors[d] = CheckDraft(drafts, d, known);
        return new Check(errors.SelectMany(e => e).ToList(), known.Batch);
    }

    private async Task<Known> LoadAsync(IReadOnlyList<InvoiceDraft> drafts, CancellationToken cancellationToken)
    {
        var providerRefs = drafts.Select(d => Clean(d.ProviderReference)).Where(r => r.Length > 0).Distinct().ToList();
        var childRefs = drafts.SelectMany(d => d.Lines ?? []).Select(l => Clean(l.ChildReference)).Where(r => r.Length > 0).Distinct().ToList();
        var placementRefs = drafts.SelectMany(d => d.Lines ?? []).Select(l => Clean(l.PlacementReference)).Where(r => r.Length > 0).Distinct().ToList();
        var numbers = drafts.SelectMany(d => new[] { Clean(d.Number), Clean(d.CreditsInvoiceNumber) }).Where(n => n.Length > 0).Distinct().ToList();

        var providers = await commissioning.Providers.AsNoTracking().Where(p => providerRefs.Contains(p.Reference))
            .Select(p => new ProviderRow(p.Id, p.Reference)).ToListAsync(cancellationToken);
        var children = await commissioning.Children.AsNoTracking().Where(c => childRefs.Contains(c.Reference))
            .Select(c => new ChildRow(c.Id, c.Reference, c.GivenName, c.FamilyName)).ToListAsync(cancellationToken);
        var childIds = children.Select(c => c.Id).ToList();
        var placements = await commissioning.Placements.AsNoTracking().Where(p => childIds.Contains(p.ChildId) || placementRefs.Contains(p.Reference))
            .Select(p => new PlacementRow(p.Id, p.Reference, p.ChildId, p.ProviderId, p.Start, p.End, p.Status)).ToListAsync(cancellationToken);

        var providerIds = providers.Select(p => p.Id).ToList();
        var placementIds = placements.Select(p => p.Id).ToList();
        var invoices = await finance.Invoices.AsNoTracking().Where(i => providerIds.Contains(i.ProviderId) && numbers.Contains(i.Number))
            .Select(i => new InvoiceRow(i.Id, i.ProviderId, i.Number, i.Kind)).ToListAsync(cancellationToken);
        var lines = await (from l in finance.InvoiceLines.AsNoTracking()
                           where placementIds.Contains(l.PlacementId)
                           join i in finance.Invoices on l.InvoiceId equals i.Id
                           select new LineRow(l.Id, l.InvoiceId, i.Number, i.Kind, l.LineNumber, l.PlacementId, l.PeriodStart, l.PeriodEnd,
                               l.Amount, l.Status, l.CreditsLineId)).ToListAsync(cancellationToken);

        var known = new Known
        {
            Providers = providers.ToDictionary(p => p.Reference, StringComparer.Ordinal),
            Children = children.ToDictionary(c => c.Reference, StringComparer.Ordinal),
            Placements = placements,
            Invoices = invoices,
            Lines = lines,
            Today = clock.GetCurrentInstant().InZone(London).Date,
        };
        foreach (var credit in lines.Where(l => l.CreditsLineId is not null && l.Status != InvoiceLineStatus.Rejected))
            known.Credited[credit.CreditsLineId!.Value] = known.Credited.GetValueOrDefault(credit.CreditsLineId!.Value) - credit.Amount;
        return known;
    }

    private static List<InvoiceError> CheckDraft(IReadOnlyList<InvoiceDraft> drafts, int d, Known known)
    {
        var draft = drafts[d];
        var errors = new List<InvoiceError>();
        // From a file, an error of the invoice as a whole is shown on its first row.
        var firstRow = draft.Lines?.Select(l => l.SourceLine).FirstOrDefault(l => l is not null);
        void Error(string field, int? line, string rule, string message) => errors.Add(new InvoiceError(field, line ?? firstRow, rule, message));

        var providerRef = Clean(draft.ProviderReference);
        var number = Clean(draft.Number);
        var credit = draft.Kind == InvoiceKind.CreditNote;
        var document = credit ? "credit note" : "invoice";

        ProviderRow? provider = null;
        if (providerRef.Length == 0) Error("provider_ref", null, "UnknownProvider", "Give the provider's reference.");
        else if (!known.Providers.TryGetValue(providerRef, out provider))
            Error("provider_ref", null, "UnknownProvider", $"No provider has the reference {providerRef}.");

        if (number.Length == 0) Error("invoice_number", null, "InvoiceNeedsANumber", $"Give the provider's {document} number.");
        else if (number.Length > 60) Error("invoice_number", null, "InvoiceNumberTooLong", $"The {document} number {number[..20]}… is longer than 60 characters.");
        else if (provider is not null)
        {
            if (known.Invoices.Any(i => i.ProviderId == provider.Id && i.Number == number))
                Error("invoice_number", null, "DuplicateInvoiceNumber",
                    $"{provider.Reference} has already sent {document} number {number}: it is recorded, and cannot be recorded twice.");
            else if (Enumerable.Range(0, d).Any(e => Clean(drafts[e].ProviderReference) == providerRef && Clean(drafts[e].Number) == number))
                Error("invoice_number", null, "DuplicateInvoiceNumber", $"{providerRef}'s number {number} is given to more than one invoice here.");
        }

        if (draft.InvoiceDate > known.Today)
            Error("invoice_date", null, "InvoiceDateInFuture", $"The {document} date {Day.Format(draft.InvoiceDate)} is in the future (today is {Day.Format(known.Today)}).");
        if (draft.ReceivedOn > known.Today)
            Error("received_date", null, "ReceivedDateInFuture", $"The date received {Day.Format(draft.ReceivedOn)} is in the future (today is {Day.Format(known.Today)}).");
        if (draft.ReceivedOn < draft.InvoiceDate)
            Error("received_date", null, "ReceivedBeforeInvoiceDate",
                $"The {document} cannot be received ({Day.Format(draft.ReceivedOn)}) before its date ({Day.Format(draft.InvoiceDate)}).");

        var creditsNumber = Clean(draft.CreditsInvoiceNumber);
        int? creditsInvoiceId = null;
        int? creditsBatchDraft = null;
        if (!credit && creditsNumber.Length > 0)
            Error("credits_invoice", null, "OnlyACreditNoteCreditsAnInvoice", $"Only a credit note names the invoice it credits ({creditsNumber}): record this as a credit note, or leave it blank.");
        if (credit && provider is not null)
        {
            var stored = known.Invoices.FirstOrDefault(i => i.ProviderId == provider.Id && i.Number == creditsNumber && i.Kind == InvoiceKind.Invoice);
            var inBatch = Enumerable.Range(0, drafts.Count).Where(e => known.Batch[e] is { } b && b.Provider.Id == provider.Id
                && b.Draft.Kind == InvoiceKind.Invoice && Clean(b.Draft.Number) == creditsNumber).Cast<int?>().FirstOrDefault();
            if (creditsNumber.Length == 0)
                Error("credits_invoice", null, "UnknownCreditedInvoice", "Give the number of the invoice the credit note reduces.");
            else if (stored is null && inBatch is null)
                Error("credits_invoice", null, "UnknownCreditedInvoice", $"{provider.Reference} has no invoice numbered {creditsNumber} for this credit note to reduce.");
            (creditsInvoiceId, creditsBatchDraft) = (stored?.Id, stored is null ? inBatch : null);
        }

        var lines = draft.Lines ?? [];
        if (lines.Count == 0) Error("child_ref", null, "InvoiceHasNoLines", $"The {document} has no lines: give at least one child and period.");
        var resolved = new List<ResolvedLine>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var at = line.SourceLine ?? i + 1;
            var ok = true;
            if (line.Amount.IsNegative || line.Amount.IsZero)
            {
                Error("amount", at, "AmountMustBePositive",
                    $"The amount {(credit ? "credited" : "invoiced")} must be more than £0.00 (it is {line.Amount})" + (credit ? ": give a credit as a positive amount." : "."));
                ok = false;
            }
            if (line.PeriodEnd < line.PeriodStart)
            {
                Error("period_end", at, "PeriodEndsBeforeItStarts", $"The period cannot end ({Day.Format(line.PeriodEnd)}) before it starts ({Day.Format(line.PeriodStart)}).");
                ok = false;
            }
            if (line.Description is { Length: > 200 }) { Error("description", at, "DescriptionTooLong", $"The description is longer than 200 characters."); ok = false; }
            if (line.DuplicateOverrideReason is { Length: > 400 }) { Error("duplicate_override_reason", at, "OverrideReasonTooLong", $"The override reason is longer than 400 characters."); ok = false; }

            var childRef = Clean(line.ChildReference);
            ChildRow? child = null;
            if (childRef.Length == 0) { Error("child_ref", at, "UnknownChild", $"Give the child's reference."); ok = false; }
            else if (!known.Children.TryGetValue(childRef, out child)) { Error("child_ref", at, "UnknownChild", $"No child has the reference {childRef}."); ok = false; }

            if (provider is null || child is null || line.PeriodEnd < line.PeriodStart) continue;
            var placement = ResolvePlacement(line, at, provider, child, known, Error);
            if (placement is null || !ok) continue;

            long? creditsLineId = null;
            (int, int)? creditsBatchLine = null;
            if (credit)
            {
                if (creditsInvoiceId is null && creditsBatchDraft is null) continue;
                if (!ResolveCredited(line, at, placement, creditsInvoiceId, creditsBatchDraft, creditsNumber, known, Error, out creditsLineId, out creditsBatchLine)) continue;
            }
            else if (string.IsNullOrWhiteSpace(line.DuplicateOverrideReason))
            {
                var clash = AlreadyInvoiced(placement, line, known, resolved);
                if (clash is not null)
                {
                    Error("period_start", at, "PeriodAlreadyInvoiced",
                        $"{child.Reference} ({placement.Reference}) is already invoiced for {Span(line.PeriodStart, line.PeriodEnd)} on {clash}. "
                        + "If it is not a duplicate, give a reason to accept it.");
                    continue;
                }
            }
            resolved.Add(new ResolvedLine(line, at, child, placement, creditsLineId, creditsBatchLine));
        }

        if (errors.Count == 0) known.Batch[d] = new ResolvedDraft(draft, provider!, resolved, creditsInvoiceId, creditsBatchDraft);
        return errors;
    }

    private static PlacementRow? ResolvePlacement(InvoiceLineDraft line, int at, ProviderRow provider, ChildRow child, Known known,
        Action<string, int?, string, string> error)
    {
        var placementRef = Clean(line.PlacementReference);
        var atProvider = known.Placements.Where(p => p.ChildId == child.Id && p.ProviderId == provider.Id && p.Status != PlacementStatus.Proposed)
            .OrderBy(p => p.Start).ToList();
        List<PlacementRow> candidates;
        if (placementRef.Length > 0)
        {
            var named = known.Placements.FirstOrDefault(p => p.Reference == placementRef);
            if (named is null)
            {
                error("placement_ref", at, "UnknownPlacement", $"No placement has the reference {placementRef}.");
                return null;
            }
            if (named.ChildId != child.Id || named.ProviderId != provider.Id)
            {
                error("placement_ref", at, "PlacementNotTheChildsAtProvider", $"{placementRef} is not {child.Reference}'s placement at {provider.Reference}.");
                return null;
            }
            candidates = [named];
        }
        else candidates = atProvider;

        var found = candidates.FirstOrDefault(p => p.Contains(line.PeriodStart, line.PeriodEnd));
        if (found is not null) return found;
        var shown = candidates.Where(p => p.Status != PlacementStatus.Proposed).ToList();
        var runs = shown.Count == 0
            ? $"{child.Reference} has no agreed placement there"
            : string.Join("; ", shown.Select(p => $"placement {p.Reference} runs {Span(p.Start, p.End)}"));
        error("period_start", at, "PeriodOutsidePlacement",
            $"{child.Reference} is not on roll at {provider.Reference} for the whole of {Span(line.PeriodStart, line.PeriodEnd)} ({runs}).");
        return null;
    }

    /// <summary>Where the placement's period is already invoiced (stored and not rejected, or earlier in the batch); null if nowhere.</summary>
    private static string? AlreadyInvoiced(PlacementRow placement, InvoiceLineDraft line, Known known, List<ResolvedLine> sameDraft)
    {
        static bool Overlap(LocalDate s1, LocalDate e1, LocalDate s2, LocalDate e2) => s1 <= e2 && s2 <= e1;
        var stored = known.Lines.FirstOrDefault(l => l.PlacementId == placement.Id && l.Kind == InvoiceKind.Invoice && l.CreditsLineId is null
            && l.Status != InvoiceLineStatus.Rejected && Overlap(l.Start, l.End, line.PeriodStart, line.PeriodEnd));
        if (stored is not null) return $"invoice {stored.InvoiceNumber} (line {stored.LineNumber})";
        var earlier = known.Batch.OfType<ResolvedDraft>().Where(b => b.Draft.Kind == InvoiceKind.Invoice)
            .SelectMany(b => b.Lines.Select(l => (b.Draft.Number, l)))
            .Concat(sameDraft.Select(l => ("this invoice", l)))
            .FirstOrDefault(x => x.l.Placement.Id == placement.Id && Overlap(x.l.Draft.PeriodStart, x.l.Draft.PeriodEnd, line.PeriodStart, line.PeriodEnd));
        return earlier.l is null ? null : $"{(earlier.Item1 == "this invoice" ? "this invoice" : "invoice " + Clean(earlier.Item1))} (line {earlier.l.Line})";
    }

    private static bool ResolveCredited(InvoiceLineDraft line, int at, PlacementRow placement, int? creditsInvoiceId, int? creditsBatchDraft,
        string creditsNumber, Known known, Action<string, int?, string, string> error, out long? creditsLineId, out (int, int)? creditsBatchLine)
    {
        (creditsLineId, creditsBatchLine) = (null, null);
        static long Fit(LocalDate s1, LocalDate e1, LocalDate s2, LocalDate e2) =>
            s1 == s2 && e1 == e2 ? long.MaxValue : Period.DaysBetween(Max(s1, s2), Min(e1, e2)) + 1;
        object key;
        Money invoiced;
        string described;
        if (creditsInvoiceId is { } id)
        {
            var target = known.Lines.Where(l => l.InvoiceId == id && l.CreditsLineId is null && l.PlacementId == placement.Id
                    && l.Start <= line.PeriodEnd && line.PeriodStart <= l.End)
                .OrderByDescending(l => Fit(l.Start, l.End, line.PeriodStart, line.PeriodEnd)).FirstOrDefault();
            if (target is null) { NotOnInvoice(); return false; }
            (key, invoiced, creditsLineId, described) = (target.Id, target.Amount, target.Id, $"line {target.LineNumber}");
        }
        else
        {
            var b = creditsBatchDraft!.Value;
            var target = known.Batch[b]!.Lines.Select((l, i) => (l, i))
                .Where(x => x.l.Placement.Id == placement.Id && x.l.Draft.PeriodStart <= line.PeriodEnd && line.PeriodStart <= x.l.Draft.PeriodEnd)
                .OrderByDescending(x => Fit(x.l.Draft.PeriodStart, x.l.Draft.PeriodEnd, line.PeriodStart, line.PeriodEnd)).FirstOrDefault();
            if (target.l is null) { NotOnInvoice(); return false; }
            (key, invoiced, creditsBatchLine, described) = ((b, target.i), target.l.Draft.Amount, (b, target.i), $"line {target.l.Line}");
        }
        var credited = known.Credited.GetValueOrDefault(key);
        var left = invoiced - credited;
        if (line.Amount > left)
        {
            error("amount", at, "CreditExceedsInvoicedLine",
                $"The credit of {line.Amount} is more than is left to credit on {described} of invoice {creditsNumber} ({left} of {invoiced}).");
            return false;
        }
        known.Credited[key] = credited + line.Amount;
        return true;

        void NotOnInvoice() => error("period_start", at, "CreditNotOnCreditedInvoice",
            $"Invoice {creditsNumber} has no line for {placement.Reference} in {Span(line.PeriodStart, line.PeriodEnd)} for this credit to reduce.");
    }

    private static LocalDate Max(LocalDate a, LocalDate b) => a > b ? a : b;

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    private static string Span(LocalDate start, LocalDate? end) => $"{Day.Format(start)}–{(end is { } e ? Day.Format(e) : "…")}";

    private static string Clean(string? text) => text?.Trim() ?? "";
}
