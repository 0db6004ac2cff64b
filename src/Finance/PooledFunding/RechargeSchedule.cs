using NodaTime;
using Placements.Commissioning;

namespace Placements.Finance.PooledFunding;

/// <summary>How often a partner is recharged, as its section 75 agreement says.</summary>
public enum RechargeFrequency { Monthly, Quarterly }

/// <summary>
/// How often each partner is recharged (issue 8: "each month, or quarter, per partner"), and so which period a month
/// belongs to for it. Quarters are the financial year's: April–June, July–September, October–December, January–March.
/// </summary>
public sealed record RechargeSchedule(RechargeFrequency Health, RechargeFrequency SocialCare)
{
    public static readonly RechargeSchedule Monthly = new(RechargeFrequency.Monthly, RechargeFrequency.Monthly);

    public static readonly IReadOnlyList<Partner> Recharged = [Partner.Health, Partner.SocialCare];

    /// <exception cref="DomainRuleException"><c>EducationIsNotRecharged</c>.</exception>
    public RechargeFrequency For(Partner partner) => partner switch
    {
        Partner.Health => Health,
        Partner.SocialCare => SocialCare,
        _ => throw EducationIsNotRecharged(),
    };

    internal static DomainRuleException EducationIsNotRecharged() =>
        new("EducationIsNotRecharged", "Education is the council's own High Needs budget: only health and social care are recharged.");

    /// <summary>The partner's recharge period that <paramref name="month"/> falls in: the month, or its quarter.</summary>
    public DateInterval PeriodContaining(Partner partner, YearMonth month)
    {
        // Financial-year quarters start in April, July, October and January: the calendar's quarters.
        var months = For(partner) == RechargeFrequency.Quarterly ? 3 : 1;
        var start = month.PlusMonths(-((month.Month - 1) % months)).OnDayOfMonth(1);
        return new DateInterval(start, start.PlusMonths(months).PlusDays(-1));
    }

    /// <summary>The partners whose recharge period ends with <paramref name="month"/>: every partner monthly, quarterly ones at a quarter's end.</summary>
    public IReadOnlyList<Partner> EndingWith(YearMonth month) =>
        [.. Recharged.Where(p => PeriodContaining(p, month).End == month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1))];

    /// <summary>"monthly" or "quarterly", for pages and messages.</summary>
    public static string Describe(RechargeFrequency frequency) => frequency == RechargeFrequency.Quarterly ? "quarterly" : "monthly";
}
