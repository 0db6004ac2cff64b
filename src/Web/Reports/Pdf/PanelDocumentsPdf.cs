using Placements.Finance.PooledFunding;
namespace Placements.Web.Reports.Pdf;
/// <summary>The decision letter to the family and provider, for one decision.</summary>
public sealed record PanelLetter(string CouncilName, Referral Referral, PanelDecision Decision, PanelMeeting? Meeting);
/// <summary>The minutes of a meeting: members present, and each case with its decision.</summary>
public sealed record PanelMinutes(string CouncilName, Finance.PooledFunding.MeetingAgenda Agenda);
/// <summary>A partner's recharge statement.</summary>
public sealed record RechargeStatementDocument(string CouncilName, RechargeStatement Statement);
public static class PanelDocumentsPdf
{
    public static byte[] DecisionLetter(PanelLetter letter) => [];
    public static byte[] Minutes(PanelMinutes minutes) => [];
    public static byte[] RechargeStatement(RechargeStatementDocument document) => [];
}
