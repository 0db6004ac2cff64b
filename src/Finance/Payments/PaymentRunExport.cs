using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;
using Placements.Commissioning;
using Placements.Commissioning.Persistence;
using Placements.Finance.Persistence;

namespace Placements.Finance.Payments;

/// <summary>The council as it appears on remittances and in the ledger journal.</summary>
/// <param name="Name">The paying council.</param>
/// <param name="LaCode">Its LA code.</param>
/// <param name="CostCentres">The ledger cost centre per s251 line; a line without one is charged to <c>HN</c> + its digits (1.2.1 → HN121).</param>
public sealed record Payer(string Name, string LaCode, IReadOnlyDictionary<string, string> CostCentres)
{
    public string CostCentreFor(string s251Line) =>
        CostCentres.TryGetValue(s251Line, out var centre) ? centre : "HN" + s251Line.Replace(".", "", StringComparison.Ordinal);
}

/// <summary>An approved run's paid lines (held lines are not exported) with its providers' names.</summary>
public sealed record ApprovedRun(PaymentRun Run, IReadOnlyList<PaymentLine> Lines, IReadOnlyDictionary<string, (string Name, string? Urn)> Providers);

/// <summary>
/// The outputs of an approved run (interchange.md, payment export): <c>payment_lines.csv</c>, the ledger journal
/// <c>ledger.csv</c>, and a remittance advice per provider. Children appear by reference and initials only.
/// </summary>
public sealed class PaymentRunExport(CommissioningDb commissioning, FinanceDb finance)
{
    /// <summary>The month's latest approved run, or run <paramref name="sequence"/> of it.</summary>
    /// <exception cref="DomainRuleException"><c>NoApprovedRun</c>.</exception>
    public async Task<ApprovedRun> LoadAsync(YearMonth month, int? sequence = null, CancellationToken cancellationToken = default)
    {
        var run = await finance.PaymentRuns.AsNoTracking().Include(r => r.Events).Where(PaymentRun.Approved)
            .Where(r => r.Month == month)
            .Where(r => sequence == null || r.Sequence == sequence)
            .OrderByDescending(r => r.Sequence).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DomainRuleException("NoApprovedRun",
                $"There is no approved run for {PaymentRun.Describe(month)}{(sequence is null ? "" : $" numbered {sequence}")}: only an approved run is exported.");
        var lines = await finance.PaymentLines.AsNoTracking().Where(l => l.PaymentRunId == run.Id && l.HoldId == null)
            .OrderBy(l => l.ProviderReference).ThenBy(l => l.PlacementReference).ThenBy(l => l.FinancialYear).ThenBy(l => l.Kind)
            .ToListAsync(cancellationToken);
        var providerRefs = lines.Select(l => l.ProviderReference).Distinct().ToList();
        var providers = await commissioning.Providers.AsNoTracking().Where(p => providerRefs.Contains(p.Reference))
            .ToDictionaryAsync(p => p.Reference, p => (p.Name, p.Urn), cancellationToken);
        return new(run, lines, providers);
    }

    /// <summary><c>payment_lines.csv</c>: one row per placement, financial year and kind; amounts in pounds; negative = recovery.</summary>
    public static string PaymentLinesCsv(ApprovedRun approved)
    {
        ArgumentNullException.ThrowIfNull(approved);
        return Csv(["run_month", "provider_ref", "placement_ref", "child_ref", "financial_year", "amount", "kind", "s251_line", "reason"],
            approved.Lines.Select(l => new[]
            {
                Month(approved.Run.Month), l.ProviderReference, l.PlacementReference, l.ChildReference, l.FinancialYear.ToString(),
                l.Amount.ToPlainString(), l.Kind.ToString(), l.S251Line, l.Reason ?? "",
            }));
    }

    /// <summary><c>ledger.csv</c>: the journal, one row per cost centre, s251 line and provider, with its total.</summary>
    public static string LedgerCsv(ApprovedRun approved, Payer payer)
    {
        ArgumentNullException.ThrowIfNull(approved);
        ArgumentNullException.ThrowIfNull(payer);
        var rows = approved.Lines
            .GroupBy(l => (l.S251Line, l.ProviderReference))
            .OrderBy(g => g.Key.S251Line, StringComparer.Ordinal).ThenBy(g => g.Key.ProviderReference, StringComparer.Ordinal)
            .Select(g => new[]
            {
                Month(approved.Run.Month), payer.CostCentreFor(g.Key.S251Line), g.Key.S251Line, g.Key.ProviderReference,
                approved.Providers.TryGetValue(g.Key.ProviderReference, out var p) ? p.Name : "", Money.Sum(g.Select(l => l.Amount)).ToPlainString(),
            });
        return Csv(["run_month", "cost_centre", "s251_line", "provider_ref", "provider_name", "total"], rows);
    }

    /// <summary>One remittance advice per provider, in provider order.</summary>
    public static IReadOnlyList<RemittanceAdvice> Remittances(ApprovedRun approved, Payer payer)
    {
        ArgumentNullException.ThrowIfNull(approved);
        ArgumentNullException.ThrowIfNull(payer);
        var run = approved.Run;
        var approvedOn = (run.ApprovedAt ?? run.PreparedAt).InZone(DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        return approved.Lines.GroupBy(l => l.ProviderReference).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var provider = approved.Providers.TryGetValue(g.Key, out var p) ? p : (g.Key, null);
                return new RemittanceAdvice(payer.Name, payer.LaCode, run.Month, run.Sequence, approvedOn, g.Key, provider.Name, provider.Urn,
                    g.Select(l => new RemittanceLine(l.ChildInitials, l.ChildReference, l.PlacementReference, l.FinancialYear, l.Kind,
                        Period(run.Month, l), l.Amount, l.Reason)).ToList());
            }).ToList();
    }

    /// <summary>
    /// What a line covers, in words: the run month for its own top-up; for an adjustment the days it corrects ("21 Apr 2026
    /// – 30 Apr 2026" for a late leaver's recovery), or the earlier months of the year on a line posted before lines kept
    /// their days; the financial year for a fee (its reason names the invoices and their periods).
    /// </summary>
    public static string Period(YearMonth runMonth, PaymentLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Kind == PaymentKind.TopUp) return PaymentRun.Describe(runMonth);
        if (line.Kind == PaymentKind.Fee) return $"{line.FinancialYear}, as invoiced";
        if (line.ServiceDays is { } days) return $"{days.Start:d MMM yyyy} – {days.End:d MMM yyyy}";
        var yearStart = new YearMonth(line.FinancialYear.StartYear, 4);
        var runYearStart = runMonth.Month >= 4 ? runMonth.Year : runMonth.Year - 1;
        return line.FinancialYear.StartYear < runYearStart
            ? $"{line.FinancialYear} (earlier year)"
            : $"{PaymentRun.Describe(yearStart)} – {PaymentRun.Describe(runMonth)}";
    }

    private static string Month(YearMonth month) => YearMonthPattern.Iso.Format(month);

    // RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled.
    private static string Csv(IReadOnlyList<string> header, IEnumerable<string[]> rows)
    {
        var text = new System.Text.StringBuilder();
        foreach (var row in rows.Prepend(header.ToArray()))
            text.AppendJoin(',', row.Select(Field)).Append('\n');
        return text.ToString();
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

/// <summary>Records that an approved run was handed to the ledger (Approved → Exported), with who and when.</summary>
public sealed class ExportPaymentRun(FinanceDb finance, IClock clock)
{
    /// <exception cref="DomainRuleException"><c>OnlyAnApprovedRunIsExported</c>.</exception>
    public async Task MarkExportedAsync(int runId, string by, string? note, CancellationToken cancellationToken = default)
    {
        var run = await finance.PaymentRuns.Include(r => r.Events).SingleAsync(r => r.Id == runId, cancellationToken);
        if (run.Status == PaymentRunStatus.Exported) return;
        run.Exported(by, clock.GetCurrentInstant(), note);
        await finance.SaveChangesAsync(cancellationToken);
    }
}
