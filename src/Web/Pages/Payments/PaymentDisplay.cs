using System.Globalization;
using NodaTime;
using Placements.Finance;
using Placements.Finance.Payments;
using Placements.Web.Hosting;

namespace Placements.Web.Pages.Payments;

/// <summary>How the payment pages show runs: status tags, UK local times, months in routes, signed changes.</summary>
public static class PaymentDisplay
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The month as the run page's route spells it: <c>2026-04</c>.</summary>
    public static string Route(YearMonth month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"5 April 2026, 06:00" in UK local time, or <paramref name="whenNone"/>.</summary>
    public static string When(Instant? at, string whenNone = "") =>
        at is { } i ? i.InZone(UkClock.London).ToString("d MMMM yyyy, HH:mm", EnGb) : whenNone;

    /// <summary>"Draft", "Awaiting a second approval", "Approved", "Exported".</summary>
    public static string Label(this PaymentRunStatus status)
    {
        var words = PaymentRun.Describe(status);
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string TagClass(this PaymentRunStatus status) => status switch
    {
        PaymentRunStatus.Draft => "govuk-tag govuk-tag--grey",
        PaymentRunStatus.AwaitingSecondApproval => "govuk-tag govuk-tag--yellow",
        PaymentRunStatus.Approved => "govuk-tag govuk-tag--green",
        _ => "govuk-tag govuk-tag--blue",
    };

    /// <summary>A change with its sign always shown ("+£1.00", "-£1.00", "£0.00"), so a reader sees up from down at a glance.</summary>
    public static string Signed(Money change) => change.Pence > 0 ? "+" + change : change.ToString();
}
