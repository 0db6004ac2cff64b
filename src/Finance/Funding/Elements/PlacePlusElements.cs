using Placements.Commissioning.Providers;

namespace Placements.Finance.Funding.Elements;

/// <summary>One element of a placement's Place Plus funding: what it is, its annual amount where known, and who pays it.</summary>
/// <param name="What">The element in a finance officer's words.</param>
/// <param name="AnnualAmount">The annual amount, or null when it is not set per placement (formula funding) or not paid.</param>
/// <param name="PaidBy">Who pays it.</param>
public sealed record ElementFunding(string What, Money? AnnualAmount, FundingPayer PaidBy);

/// <summary>
/// A placement's three Place Plus elements (DfE high needs operational guide; domain.md §3): Element 1 core education
/// funding, Element 2 the place (or, in mainstream, the first £6,000 of additional support), Element 3 the top-up
/// paid by this council as the responsible LA.
/// </summary>
public sealed record PlacePlusElements(ElementFunding Element1, ElementFunding Element2, ElementFunding Element3)
{
    /// <summary>
    /// The elements of a placement at <paramref name="provider"/> with an annual top-up of <paramref name="topUp"/>.
    /// </summary>
    /// <param name="provider">The setting, which decides the shape and who pays the place.</param>
    /// <param name="topUp">The placement's annual Element 3 (band or agreed amount; the whole fee at an independent school).</param>
    /// <param name="placeRate">The per-place rate in force for the setting (e.g. £10,000; £6,000 for resourced provision), if it has one.</param>
    /// <param name="mainstreamThreshold">
    /// The additional support a mainstream school meets from its notional SEN budget before top-up: £6,000 today, but a
    /// dated setting, so the caller passes the one in force.
    /// </param>
    public static PlacePlusElements For(FundedProvider provider, Money topUp, Money? placeRate, Money mainstreamThreshold)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var place = provider.PlaceFundingPayer;
        var topUpElement = new ElementFunding("Top-up", topUp, FundingPayer.ThisCouncil);
        var inPlace = new ElementFunding("Core funding, within the place funding", null, place);
        return provider.ProvisionType switch
        {
            ProvisionType.MaintainedSpecial or ProvisionType.SpecialAcademy or ProvisionType.NonMaintainedSpecial
                or ProvisionType.PupilReferralUnit or ProvisionType.SpecialPost16 =>
                new(inPlace, new("Place funding (Elements 1 and 2)", placeRate, place), topUpElement),
            ProvisionType.ResourcedProvision =>
                new(new("Per-pupil funding through the school's formula", null, FundingPayer.SchoolFormula),
                    new("Place funding", placeRate, place), topUpElement),
            ProvisionType.Mainstream =>
                new(new("Per-pupil funding through the school's formula", null, FundingPayer.SchoolFormula),
                    new($"First {mainstreamThreshold} of additional support, from the school's notional SEN budget",
                        mainstreamThreshold, FundingPayer.SchoolFormula),
                    topUpElement with { What = $"Top-up above {mainstreamThreshold}" }),
            ProvisionType.FurtherEducation =>
                new(new("16–19 formula funding", null, FundingPayer.DfE), new("Place funding", placeRate, FundingPayer.DfE), topUpElement),
            ProvisionType.EarlyYears =>
                new(new("Early years funding formula", null, FundingPayer.SchoolFormula), None, topUpElement),
            ProvisionType.IndependentSpecial =>
                new(None, None, topUpElement with { What = "The whole fee" }),
            _ => new(None, None, topUpElement with { What = "The whole cost of the arrangement" }),
        };
    }

    /// <summary>
    /// How a mainstream pupil's additional support is shared: the school's notional SEN budget meets the first
    /// <paramref name="threshold"/> (£6,000), this council tops up the rest.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The cost or threshold is negative.</exception>
    public static (Money FromNotionalSenBudget, Money TopUp) SplitMainstreamSupport(Money additionalSupportCost, Money threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(additionalSupportCost, Money.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, Money.Zero);
        return additionalSupportCost <= threshold
            ? (additionalSupportCost, Money.Zero)
            : (threshold, additionalSupportCost - threshold);
    }

    private static ElementFunding None => new("None", null, FundingPayer.None);
}
