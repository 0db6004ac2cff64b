using System.Globalization;
using Microsoft.Extensions.Configuration;
using NodaTime;
using NodaTime.Text;
using Placements.Commissioning.Providers;
using Placements.Finance;
using Placements.Finance.Funding;
using Placements.Finance.Reports;
using Placements.Web.Database;

namespace Placements.Web.Reports;

/// <summary>
/// One place for how a top-up schedule reads, so the placement page and the CLI agree to the penny: the rows
/// (month, amount, rounded cumulative, exact cumulative, paid, owed) and the CLI's plain-text table.
/// </summary>
public static class TopUpScheduleText
{
    /// <summary>Paid is zero until payment runs are posted (issue 5); owed is then the rounded cumulative entitlement.</summary>
    public sealed record Row(YearMonth Month, Money Amount, Money Cumulative, decimal ExactCumulativePence, Money Paid, Money Owed);

    /// <summary>
    /// Each month: its entitlement, the cumulative entitlement, what that month's approved runs paid for the year, and
    /// what is owed (cumulative entitlement less everything paid through that month's runs).
    /// </summary>
    public static IReadOnlyList<Row> Rows(TopUpScheduleView view)
    {
        if (view.Schedule is null) return [];
        var paidSoFar = Money.Zero;
        return view.Schedule.Months.Select(m =>
        {
            var paid = view.PaidByRunMonth.GetValueOrDefault(m.Month);
            paidSoFar += paid;
            return new Row(m.Month, m.Amount, m.RoundedCumulative, m.Cumulative.ToDecimalPence(), paid, m.RoundedCumulative - paidSoFar);
        }).ToList();
    }

    public static string MonthName(YearMonth month) => month.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary><c>Payments:FirstMonth</c> (YYYY-MM): the first month this system pays; entitlement before it was paid by the previous system.</summary>
    public static YearMonth? GoLiveMonth(IConfiguration configuration)
    {
        var text = configuration["Payments:FirstMonth"];
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parsed = YearMonthPattern.Iso.Parse(text.Trim());
        return parsed.Success ? parsed.Value : throw new StartupProblem($"Payments:FirstMonth '{text}' is not a month (YYYY-MM).");
    }

    public static IEnumerable<string> Lines(TopUpScheduleView view)
    {
        yield return $"Top-up schedule {view.Year} for placement {view.PlacementReference} (child {view.ChildReference})";
        yield return $"  at {view.ProviderReference} {view.ProviderName} ({view.ProvisionType.Describe()}), pro-rata basis {view.Basis}";
        yield return $"  on roll {view.Start:yyyy-MM-dd} to {(view.End is { } end ? end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "open")}" +
                     (view.GoLiveMonth is { } live ? $"; paid here from {live:yyyy-MM}" : "");
        foreach (var row in view.Funding)
            yield return $"  from {row.EffectiveFrom:yyyy-MM-dd}: {(row.Band is { } band ? $"band {band}" : $"agreed {row.AgreedAnnualAmount} a year")}";
        if (view.IsProposal) { yield return "  A proposed placement has no entitlement until it is agreed."; yield break; }
        if (view.Missing.Count > 0)
        {
            yield return "  The schedule cannot be worked out:";
            foreach (var missing in view.Missing) yield return $"    {missing}";
            yield break;
        }
        yield return $"  {"Month",-16}{"Amount",14}{"Cumulative",14}{"Paid",12}{"Owed",14}";
        foreach (var row in Rows(view))
            yield return $"  {MonthName(row.Month),-16}{row.Amount,14}{row.Cumulative,14}{row.Paid,12}{row.Owed,14}";
        yield return $"  {"Total",-16}{view.Schedule!.Total,14}";
    }
}
