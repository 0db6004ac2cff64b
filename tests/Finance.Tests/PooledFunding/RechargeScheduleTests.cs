using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Placements.Commissioning;
using Placements.Finance.PooledFunding;
using Xunit;

namespace Placements.Finance.Tests.PooledFunding;

/// <summary>Which period a month is recharged in, per partner: the month, or its financial-year quarter.</summary>
public class RechargeScheduleTests
{
    private static readonly RechargeSchedule QuarterlyHealth = new(RechargeFrequency.Quarterly, RechargeFrequency.Monthly);

    [Theory]
    [InlineData(2026, 4, "2026-04-01", "2026-06-30")]
    [InlineData(2026, 6, "2026-04-01", "2026-06-30")]
    [InlineData(2026, 8, "2026-07-01", "2026-09-30")]
    [InlineData(2026, 11, "2026-10-01", "2026-12-31")]
    [InlineData(2027, 1, "2027-01-01", "2027-03-31")]
    [InlineData(2027, 3, "2027-01-01", "2027-03-31")]
    public void AQuarterlyPartner_IsRechargedTheFinancialYearQuarterContainingTheMonth(int year, int month, string start, string end)
    {
        var period = QuarterlyHealth.PeriodContaining(Partner.Health, new YearMonth(year, month));

        Assert.Equal((start, end), (period.Start.ToString("yyyy-MM-dd", null), period.End.ToString("yyyy-MM-dd", null)));
    }

    [Fact]
    public void AMonthlyPartner_IsRechargedTheMonth_IncludingFebruaryOfALeapYear()
    {
        Assert.Equal(new DateInterval(new LocalDate(2028, 2, 1), new LocalDate(2028, 2, 29)),
            QuarterlyHealth.PeriodContaining(Partner.SocialCare, new YearMonth(2028, 2)));
    }

    [Fact]
    public void ThePartnersDue_AreTheMonthlyOnesEveryMonth_AndTheQuarterlyOnesAtAQuartersEnd()
    {
        Assert.Equal([Partner.SocialCare], QuarterlyHealth.EndingWith(new YearMonth(2026, 11)));
        Assert.Equal([Partner.Health, Partner.SocialCare], QuarterlyHealth.EndingWith(new YearMonth(2026, 12)));
        Assert.Equal([Partner.Health, Partner.SocialCare], QuarterlyHealth.EndingWith(new YearMonth(2027, 3)));
        Assert.Equal([Partner.Health, Partner.SocialCare], RechargeSchedule.Monthly.EndingWith(new YearMonth(2026, 11)));
    }

    [Fact]
    public void Education_IsNeverRecharged()
    {
        var refused = Assert.Throws<DomainRuleException>(() => QuarterlyHealth.PeriodContaining(Partner.Education, new YearMonth(2026, 11)));
        Assert.Equal("EducationIsNotRecharged", refused.Rule);
    }

    /// <summary>
    /// For either frequency, the periods tile time, quarters from April, July, October and January: each month lies in its own period; the next month lies in the same
    /// period or in the one starting the day after it ends; and a partner is due exactly when its period ends with the
    /// month. So the monthly job, run every month, recharges every day once.
    /// </summary>
    [Property(MaxTest = 500)]
    public Property Periods_TileTheCalendar_AndAreDueWhenTheyEnd() =>
        Prop.ForAll(Gen.Choose(0, 1).ToArbitrary(), Gen.Choose(0, 12 * 30).ToArbitrary(), (quarterly, offset) =>
        {
            var frequency = (RechargeFrequency)quarterly;
            var schedule = new RechargeSchedule(frequency, frequency);
            var month = new YearMonth(2020, 1).PlusMonths(offset);
            var period = schedule.PeriodContaining(Partner.Health, month);
            var next = schedule.PeriodContaining(Partner.Health, month.PlusMonths(1));
            var contains = period.Contains(month.OnDayOfMonth(1)) && period.Contains(month.OnDayOfMonth(1).PlusMonths(1).PlusDays(-1));
            var adjoins = next == period || next.Start == period.End.PlusDays(1);
            var due = schedule.EndingWith(month).Contains(Partner.Health) == (next != period);
            var length = period.Start.PlusMonths(frequency == RechargeFrequency.Quarterly ? 3 : 1).PlusDays(-1) == period.End;
            var aligned = frequency == RechargeFrequency.Monthly || period.Start.Month % 3 == 1; // April, July, October, January
            return (contains && adjoins && due && length && aligned).Label($"{frequency} {month}: {period}, next {next}");
        });
}
