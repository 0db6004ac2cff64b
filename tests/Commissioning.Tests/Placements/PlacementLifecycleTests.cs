using NodaTime;
using Placements.Commissioning.Capacity;
using Placements.Commissioning.Children;
using Placements.Commissioning.Placements;
using Placements.Commissioning.Providers;
using Placements.Commissioning.SchoolCalendar;
using Xunit;

namespace Placements.Commissioning.Tests.Placements;

public class PlacementLifecycleTests
{
    private static readonly LocalDate September = new(2026, 9, 1);
    private static readonly AcademicYear Year = new(2026);

    private static Placement Proposed(string reference, LocalDate start, LocalDate? end = null, bool dual = false) =>
        new(reference, childId: 1, providerId: 7, start, end, "990") { DualRegistration = dual };

    private static Placement AgreedPlacement(string reference, LocalDate start, LocalDate? end = null, bool dual = false)
    {
        var p = Proposed(reference, start, end, dual);
        p.Agree(providerHasVacancy: true, overrideReason: null);
        return p;
    }

    private static ProviderCapacity Capacity(int places, params Need[] placed) =>
        ProviderCapacity.On([new CommissionedPlaces(7, Year, null, places)], placed);

    private static readonly ProviderCapacity Roomy = Capacity(10, Need.ASD);

    // ---- PlacementsMustNotOverlap ------------------------------------------------------------------------

    [Fact]
    public void Agree_OverlappingAnAgreedPlacement_IsRefusedByName_AndStaysProposed()
    {
        var existing = AgreedPlacement("C1-1", September);
        var proposal = Proposed("C1-2", new LocalDate(2027, 1, 4));

        var e = Assert.Throws<DomainRuleException>(() => PlacementLifecycle.Agree(proposal, [existing], Roomy, Need.ASD, null));

        Assert.Equal(PlacementRules.PlacementsMustNotOverlap, e.Rule);
        Assert.Contains("C1-1", e.Message);
        Assert.Equal(PlacementStatus.Proposed, proposal.Status);
    }

    [Fact]
    public void Agree_WhenTheNewPlacementIsADualRegistration_AllowsTheOverlap()
    {
        var existing = AgreedPlacement("C1-1", September);
        var proposal = Proposed("C1-2", new LocalDate(2027, 1, 4), dual: true);

        PlacementLifecycle.Agree(proposal, [existing], Roomy, Need.ASD, null);

        Assert.Equal(PlacementStatus.Agreed, proposal.Status);
    }

    [Fact]
    public void Agree_WhenTheExistingPlacementIsADualRegistration_AllowsTheOverlap()
    {
        var existing = AgreedPlacement("C1-1", September, dual: true);
        var proposal = Proposed("C1-2", new LocalDate(2027, 1, 4));

        PlacementLifecycle.Agree(proposal, [existing], Roomy, Need.ASD, null);

        Assert.Equal(PlacementStatus.Agreed, proposal.Status);
    }

    [Fact]
    public void Agree_OtherProposalsForTheSameDates_DoNotCountAsOverlaps()
    {
        var otherProposal = Proposed("C1-1", September);
        var proposal = Proposed("C1-2", September);

        PlacementLifecycle.Agree(proposal, [otherProposal], Roomy, Need.ASD, null);

        Assert.Equal(PlacementStatus.Agreed, proposal.Status);
    }

    [Fact]
    public void Agree_StartingOnTheLastDayOfAnotherPlacement_Overlaps_BecauseBothEndsAreInclusive()
    {
        var existing = AgreedPlacement("C1-1", September, end: new LocalDate(2026, 12, 18));
        var proposal = Proposed("C1-2", new LocalDate(2026, 12, 18));

        var e = Assert.Throws<DomainRuleException>(() => PlacementLifecycle.Agree(proposal, [existing], Roomy, Need.ASD, null));
        Assert.Equal(PlacementRules.PlacementsMustNotOverlap, e.Rule);
    }

    [Fact]
    public void Agree_StartingTheDayAfterAnotherPlacementEnds_DoesNotOverlap()
    {
        var existing = AgreedPlacement("C1-1", September, end: new LocalDate(2026, 12, 18));
        var proposal = Proposed("C1-2", new LocalDate(2026, 12, 19));

        PlacementLifecycle.Agree(proposal, [existing], Roomy, Need.ASD, null);

        Assert.Equal(PlacementStatus.Agreed, proposal.Status);
    }

    [Fact]
    public void Agree_EndingTheDayBeforeAnOpenPlacementStarts_DoesNotOverlap()
    {
        var later = AgreedPlacement("C1-2", new LocalDate(2027, 1, 4));
        var proposal = Proposed("C1-1", September, end: new LocalDate(2027, 1, 3));

        PlacementLifecycle.Agree(proposal, [later], Roomy, Need.ASD, null);

        Assert.Equal(PlacementStatus.Agreed, proposal.Status);
    }

    // ---- FullProviderNeedsOverrideReason -----------------------------------------------------------------

    [Fact]
    public void Agree_AtAFullProvider_WithoutAReason_IsRefusedByName()
    {
        var full = Capacity(2, Need.ASD, Need.SEMH);
        var proposal = Proposed("C1-1", September);

        var e = Assert.Throws<DomainRuleException>(() => PlacementLifecycle.Agree(proposal, [], full, Need.ASD, "  "));

        Assert.Equal(PlacementRules.FullProviderNeedsOverrideReason, e.Rule);
        Assert.Equal(PlacementStatus.Proposed, proposal.Status);
        Assert.Null(proposal.CapacityOverrideReason);
    }

    [Fact]
    public void Agree_AtAFullProvider_WithAReason_RecordsTheReason()
    {
        var full = Capacity(2, Need.ASD, Need.SEMH);
        var proposal = Proposed("C1-1", September);

        PlacementLifecycle.Agree(proposal, [], full, Need.ASD, "  Tribunal named the school  ");

        Assert.Equal(PlacementStatus.Agreed, proposal.Status);
        Assert.Equal("Tribunal named the school", proposal.CapacityOverrideReason);
    }

    [Fact]
    public void Agree_WithAVacancy_NeedsNoReason_AndRecordsNone()
    {
        var proposal = Proposed("C1-1", September);

        PlacementLifecycle.Agree(proposal, [], Capacity(3, Need.ASD, Need.ASD), Need.ASD, null);

        Assert.Equal(PlacementStatus.Agreed, proposal.Status);
        Assert.Null(proposal.CapacityOverrideReason);
    }

    [Fact]
    public void Agree_WhenTheNeedsRowIsFull_ButTheProviderHasSpaceForOtherNeeds_StillNeedsAReason()
    {
        // 2 ASD places both filled; 5 SLCN places empty. An ASD child fills the ASD row, which is full.
        var capacity = ProviderCapacity.On(
            [new CommissionedPlaces(7, Year, Need.ASD, 2), new CommissionedPlaces(7, Year, Need.SLCN, 5)],
            [Need.ASD, Need.ASD]);

        var e = Assert.Throws<DomainRuleException>(() => PlacementLifecycle.Agree(Proposed("C1-1", September), [], capacity, Need.ASD, null));
        Assert.Equal(PlacementRules.FullProviderNeedsOverrideReason, e.Rule);
    }

    [Fact]
    public void Agree_AtAProviderWithNoCommissionedPlaces_IsNeverFull()
    {
        var individually = ProviderCapacity.On([], [Need.ASD, Need.ASD, Need.ASD]);
        var proposal = Proposed("C1-1", September);

        PlacementLifecycle.Agree(proposal, [], individually, Need.ASD, null);

        Assert.Equal(PlacementStatus.Agreed, proposal.Status);
    }

    [Fact]
    public void Agree_Twice_IsRefused()
    {
        var placement = AgreedPlacement("C1-1", September);

        var e = Assert.Throws<DomainRuleException>(() => PlacementLifecycle.Agree(placement, [], Roomy, Need.ASD, null));

        Assert.Equal(PlacementLifecycle.OnlyAProposedPlacementCanBeAgreed, e.Rule);
        Assert.Contains("already agreed", e.Message);
    }

    // ---- PlacementMustNotEndBeforeItStarts and ending ----------------------------------------------------

    [Fact]
    public void Propose_EndingBeforeItStarts_IsRefusedByName()
    {
        var e = Assert.Throws<DomainRuleException>(() => Proposed("C1-1", September, end: new LocalDate(2026, 8, 31)));
        Assert.Equal(PlacementRules.PlacementMustNotEndBeforeItStarts, e.Rule);
    }

    [Fact]
    public void Propose_EndingOnItsStartDay_IsAOneDayPlacement()
    {
        var p = Proposed("C1-1", September, end: September);
        Assert.Equal(September, p.End);
    }

    [Fact]
    public void End_BeforeTheStart_IsRefusedByName_AndTheDatesStay()
    {
        var placement = AgreedPlacement("C1-1", September);

        var e = Assert.Throws<DomainRuleException>(() => PlacementLifecycle.End(placement, new LocalDate(2026, 8, 31), CeaseReason.MovedToAnotherSetting));

        Assert.Equal(PlacementRules.PlacementMustNotEndBeforeItStarts, e.Rule);
        Assert.Null(placement.End);
        Assert.Equal(PlacementStatus.Agreed, placement.Status);
    }

    [Fact]
    public void End_RecordsTheLastDayAndTheCeaseReason()
    {
        var placement = AgreedPlacement("C1-1", September);

        PlacementLifecycle.End(placement, new LocalDate(2027, 7, 22), CeaseReason.MovedToAnotherLa);

        Assert.Equal(PlacementStatus.Ended, placement.Status);
        Assert.Equal(new LocalDate(2027, 7, 22), placement.End);
        Assert.Equal(CeaseReason.MovedToAnotherLa, placement.EndReason);
        Assert.True(placement.IsActiveOn(new LocalDate(2027, 7, 22)));
        Assert.False(placement.IsActiveOn(new LocalDate(2027, 7, 23)));
    }

    [Fact]
    public void End_WithReasonNotRecorded_IsRefused_ItIsOnlyForImportedHistory()
    {
        var placement = AgreedPlacement("C1-1", September);

        var e = Assert.Throws<DomainRuleException>(() => PlacementLifecycle.End(placement, new LocalDate(2027, 7, 22), CeaseReason.NotRecorded));

        Assert.Equal(PlacementLifecycle.CeaseReasonMustBeRecorded, e.Rule);
        Assert.Equal(PlacementStatus.Agreed, placement.Status);
    }

    [Fact]
    public void End_AProposal_IsRefused()
    {
        var e = Assert.Throws<DomainRuleException>(() => PlacementLifecycle.End(Proposed("C1-1", September), new LocalDate(2027, 7, 22), CeaseReason.Other));
        Assert.Equal(PlacementLifecycle.OnlyAnAgreedPlacementCanEnd, e.Rule);
    }

    [Fact]
    public void End_AnEndedPlacement_IsRefused_AndKeepsItsFirstEnding()
    {
        var placement = AgreedPlacement("C1-1", September);
        PlacementLifecycle.End(placement, new LocalDate(2027, 7, 22), CeaseReason.MovedToAnotherLa);

        var e = Assert.Throws<DomainRuleException>(() => PlacementLifecycle.End(placement, new LocalDate(2027, 8, 1), CeaseReason.Other));

        Assert.Equal(PlacementLifecycle.OnlyAnAgreedPlacementCanEnd, e.Rule);
        Assert.Equal(CeaseReason.MovedToAnotherLa, placement.EndReason);
        Assert.Equal(new LocalDate(2027, 7, 22), placement.End);
    }

    // ---- References --------------------------------------------------------------------------------------

    [Fact]
    public void NextReference_ForAChildWithNone_IsDashOne()
    {
        Assert.Equal("C100001-1", PlacementLifecycle.NextReference("C100001", []));
    }

    [Fact]
    public void NextReference_FollowsTheHighestNumber_IgnoringOtherChildrensAndOddReferences()
    {
        Assert.Equal("C100001-11", PlacementLifecycle.NextReference("C100001", ["C100001-2", "C100001-10", "C1000011-40", "C100001-x", "LEGACY-9"]));
    }
}
