using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Finance.PooledFunding;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages.Panel;

/// <summary>
/// The Joint Resources Panel's home: the referrals queue by status, the meetings, the reviews due in the next three
/// months (overdue ones flagged) and the recharges partners still owe.
/// </summary>
[Authorize(Policy = Policies.Panel)]
public sealed class IndexModel(PanelQueries queries, IClock clock) : PageModel
{
    public static readonly ReferralStatus[] Queue = [ReferralStatus.Draft, ReferralStatus.Submitted, ReferralStatus.OnAgenda, ReferralStatus.Decided];

    public LocalDate Today { get; private set; }
    public ILookup<ReferralStatus, Referral> Referrals { get; private set; } = Array.Empty<Referral>().ToLookup(r => r.Status);
    public IReadOnlyList<(PanelMeeting Meeting, int Cases)> Meetings { get; private set; } = [];
    public IReadOnlyList<ReviewDue> Reviews { get; private set; } = [];
    public IReadOnlyList<RechargeStatement> Outstanding { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        var referrals = await queries.ReferralsAsync(cancellationToken: cancellationToken);
        Referrals = referrals.ToLookup(r => r.Status);
        Meetings = (await queries.MeetingsAsync(cancellationToken)).Select(m => (m, referrals.Count(r => r.MeetingId == m.Id))).ToList();
        Reviews = await queries.ReviewsDueAsync(Today, Today.PlusMonths(3), cancellationToken);
        Outstanding = (await queries.StatementsAsync(cancellationToken)).Where(s => s.Outstanding.Pence > 0).ToList();
    }
}
