using NodaTime;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Finance.Payments.Calculation;

/// <summary>An approved invoice line a run pays: its approved amount, for whom, and which invoice and period it was for.</summary>
public sealed record ApprovedInvoiceLine(
    long InvoiceLineId, int PlacementId, string PlacementReference, int ProviderId, string ProviderReference, string ChildReference,
    string ChildInitials, string InvoiceNumber, LocalDate PeriodStart, LocalDate PeriodEnd, Money Amount, int? HoldId);

/// <summary>
/// The <see cref="PaymentKind.Fee"/> lines of a run (domain.md §5–§6): approved invoice lines not yet paid, one line per
/// placement and financial year (interchange.md: at most one row per placement, year and kind), charged to s251 1.2.3
/// (non-maintained and independent providers), its reason naming the invoices so the provider's remittance shows what is
/// paid. A credit note approved after its invoice is a negative amount, netted off. Pure.
/// </summary>
public static class FeeLines
{
    /// <summary>The s251 line fees are charged to.</summary>
    public const string S251Line = "1.2.3";

    /// <summary>The money belongs to the financial year its period starts in.</summary>
    public static IReadOnlyList<PlannedLine> For(IEnumerable<ApprovedInvoiceLine> approved) =>
        approved.GroupBy(l => (l.PlacementId, Year: FinancialYear.For(l.PeriodStart)))
            .Where(g => !Money.Sum(g.Select(l => l.Amount)).IsZero)
            .OrderBy(g => g.First().ProviderReference, StringComparer.Ordinal).ThenBy(g => g.First().PlacementReference, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Year)
            .Select(g =>
            {
                var first = g.First();
                return new PlannedLine(first.PlacementId, first.PlacementReference, first.ProviderId, first.ProviderReference, first.ChildReference,
                    first.ChildInitials, g.Key.Year, PaymentKind.Fee, Money.Sum(g.Select(l => l.Amount)), S251Line, Reason(g.ToList()),
                    g.Select(l => l.HoldId).FirstOrDefault(h => h is not null),
                    new DateInterval(g.Min(l => l.PeriodStart), g.Max(l => l.PeriodEnd)));
            })
            .ToList();

    /// <summary>E.g. "invoice HIL-0412 (1 Sep 2026 – 18 Dec 2026)"; several invoices are listed, shortened to fit the line's 400 characters.</summary>
    private static string Reason(IReadOnlyList<ApprovedInvoiceLine> lines)
    {
        var parts = lines.OrderBy(l => l.PeriodStart).ThenBy(l => l.InvoiceNumber, StringComparer.Ordinal)
            .Select(l => $"{l.InvoiceNumber} ({l.PeriodStart:d MMM yyyy} – {l.PeriodEnd:d MMM yyyy})" + (l.Amount.IsNegative ? " credit" : ""))
            .ToList();
        var text = (parts.Count == 1 ? "invoice " : "invoices ") + string.Join("; ", parts);
        return text.Length <= 400 ? text : text[..396] + " …";
    }
}
