using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using Placements.Finance.Invoices.Queries;
using Placements.Web.Hosting;
using Placements.Web.Security;

namespace Placements.Web.Pages.Invoices;

/// <summary>
/// The finance officer's invoice work queue: what needs matching, what is queried, what waits for a second officer's
/// approval, what falls due soon or is overdue (30 days from receipt, reg 113), and what was paid recently.
/// </summary>
[Authorize(Policy = Policies.Finance)]
public sealed class IndexModel(InvoiceQueries queries, IClock clock) : PageModel
{
    public InvoiceWorkQueue Queue { get; private set; } = new([], [], [], [], [], []);
    public LocalDate Today { get; private set; }

    /// <summary>The tabs in order: id, heading, the invoices, and what an empty tab says.</summary>
    public IReadOnlyList<(string Id, string Heading, IReadOnlyList<InvoiceSummary> Invoices, string Empty)> Tabs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = clock.TodayInLondon();
        Queue = await queries.WorkQueueAsync(Today, cancellationToken);
        Tabs =
        [
            ("to-match", "To match", Queue.ToMatch, "Every invoice line is matched to a placement agreement."),
            ("queried", "Queried", Queue.Queried, "No invoice is queried with its provider."),
            ("to-approve", "To approve", Queue.ToApprove, "No invoice is waiting for approval."),
            ("due-soon", "Due soon", Queue.DueSoon, "No unpaid invoice falls due in the next few days."),
            ("overdue", "Overdue", Queue.Overdue, "No unpaid invoice is past its due date."),
            ("recently-paid", "Recently paid", Queue.RecentlyPaid, $"No invoice was paid in the last {InvoiceQueries.RecentlyPaidDays} days."),
        ];
    }
}
