using System.Globalization;
using Placements.Finance;
using Placements.Finance.PooledFunding;
using Placements.Web.Pages.Shared;

namespace Placements.Web.Pages.Panel;

/// <summary>How the panel pages show statuses, outcomes and partners: in the words a panel member uses.</summary>
public static class PanelDisplay
{
    public static string Label(this ReferralStatus status) => status switch
    {
        ReferralStatus.Draft => "Draft",
        ReferralStatus.Submitted => "Submitted",
        ReferralStatus.OnAgenda => "On agenda",
        _ => "Decided",
    };

    public static string TagClass(this ReferralStatus status) => status switch
    {
        ReferralStatus.Draft => "govuk-tag govuk-tag--grey",
        ReferralStatus.Submitted => "govuk-tag govuk-tag--blue",
        ReferralStatus.OnAgenda => "govuk-tag govuk-tag--yellow",
        _ => "govuk-tag govuk-tag--green",
    };

    public static string TagClass(this PanelOutcome outcome) => outcome switch
    {
        PanelOutcome.Approve or PanelOutcome.ApproveWithConditions => "govuk-tag govuk-tag--green",
        PanelOutcome.Defer => "govuk-tag govuk-tag--yellow",
        _ => "govuk-tag govuk-tag--red",
    };

    /// <summary>E.g. "Health (ICB)".</summary>
    public static string Name(this Partner partner) => CostSplit.PartnerName(partner);

    /// <summary>The partners a referral asks to contribute, e.g. "Health (ICB) and social care".</summary>
    public static string PartnersAsked(this Referral referral) =>
        CapitalFirst(string.Join(" and ", new[] { referral.AskHealth ? Partner.Health : (Partner?)null, referral.AskSocialCare ? Partner.SocialCare : null }
            .OfType<Partner>().Select(CostSplit.DescribePartner)));

    /// <summary>The split of a decision, e.g. "education 50%, health (ICB) 30%, social care 20%", or "None" for a decision without one.</summary>
    public static string SplitText(this PanelDecision decision) => decision.Split?.ToString() is { Length: > 0 } split ? split : "None";

    /// <summary>The three elements of the proposed cost, e.g. "education £30,000.00, care £20,000.00, health £10,000.00".</summary>
    public static string Breakdown(this Referral referral) =>
        $"education {referral.EducationCost}, care {referral.CareCost}, health {referral.HealthCost}";

    public static string Period(this RechargeStatement statement) =>
        statement.PeriodStart.PlusMonths(1).PlusDays(-1) == statement.PeriodEnd
            ? statement.PeriodStart.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))
            : $"{Display.Date(statement.PeriodStart)} to {Display.Date(statement.PeriodEnd)}";

    private static string CapitalFirst(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
