using NodaTime;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Xunit;

namespace Placements.Commissioning.Tests.Placements;

public class PlacementReadModelTests
{
    [Theory]
    [InlineData(Phase.EarlyYears)]
    [InlineData(Phase.Primary)]
    [InlineData(Phase.Secondary)]
    [InlineData(Phase.Post16)]
    public void BornBetween_HoldsExactlyTheBirthdaysWhoseNcyIsInThePhase(Phase phase)
    {
        var year = new AcademicYear(2026);
        var (earliest, latest) = PlacementRegister.BornBetween(phase, year);

        // Every birthday over 25 years, including 29 Februaries and the 31 August / 1 September cut-off.
        for (var born = new LocalDate(2001, 1, 1); born <= new LocalDate(2026, 8, 31); born = born.PlusDays(1))
        {
            var inRange = (earliest is null || born >= earliest) && (latest is null || born <= latest);
            var inPhase = NationalCurriculumYear.PhaseOf(NationalCurriculumYear.For(born, year)) == phase;
            Assert.True(inRange == inPhase, $"{born:yyyy-MM-dd}: range says {inRange}, NCY {NationalCurriculumYear.For(born, year)} says {inPhase}");
        }
    }

    [Fact]
    public void AnnualReview_MoreThanTwelveMonthsAgo_IsOverdue()
    {
        var child = Summary(lastReview: new LocalDate(2025, 11, 24), planIssued: new LocalDate(2020, 1, 1));

        Assert.Equal(new LocalDate(2026, 11, 24), child.NextAnnualReviewDue);
        Assert.False(child.AnnualReviewOverdue(new LocalDate(2026, 11, 24)));
        Assert.True(child.AnnualReviewOverdue(new LocalDate(2026, 11, 25)));
    }

    [Fact]
    public void AnnualReview_WithNoneYet_IsDueTwelveMonthsAfterThePlanWasIssued()
    {
        var child = Summary(lastReview: null, planIssued: new LocalDate(2026, 2, 10));

        Assert.Equal(new LocalDate(2027, 2, 10), child.NextAnnualReviewDue);
        Assert.False(child.AnnualReviewOverdue(new LocalDate(2026, 11, 25)));
    }

    [Fact]
    public void AnnualReview_WithoutAPlan_IsNeverOverdue()
    {
        var child = Summary(lastReview: null, planIssued: null);

        Assert.Null(child.NextAnnualReviewDue);
        Assert.False(child.AnnualReviewOverdue(new LocalDate(2030, 1, 1)));
    }

    [Fact]
    public void CommissionedPlaces_ChangedToANegativeNumber_IsRefused_AndKeepsItsPlaces()
    {
        var places = new CommissionedPlaces(7, new AcademicYear(2026), Need.ASD, 12);

        var e = Assert.Throws<DomainRuleException>(() => places.ChangeTo(-1));

        Assert.Equal("PlacesMustNotBeNegative", e.Rule);
        Assert.Equal(12, places.Places);
        places.ChangeTo(0);
        Assert.Equal(0, places.Places);
    }

    private static ChildSummary Summary(LocalDate? lastReview, LocalDate? planIssued) =>
        new("C1", "Ava", "Smith", new LocalDate(2015, 3, 1), Need.ASD, "990", null, planIssued, lastReview);
}
