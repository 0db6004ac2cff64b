using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.PanelDocs;

/// <summary>
/// <c>panel recharges</c> and <c>panel check-reviews</c> as an operator runs them: a separate process on the database of a
/// real panel year (<see cref="PanelScenario"/>: September's run approved 5 October pays £5,000.00 at 50/30/20).
/// </summary>
public sealed class PanelCommandLineTests : IAsyncLifetime
{
    private PanelScenario _scenario = null!;

    public async ValueTask InitializeAsync() => _scenario = await PanelScenario.CreateAsync();

    public ValueTask DisposeAsync() => _scenario.DisposeAsync();

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => AppProcess.RunAsync(_scenario.File, args);

    private async Task<string> SucceedsAsync(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);
        Assert.True(exit == 0, $"`{string.Join(' ', args)}` exited {exit}: {error}{output}");
        return output;
    }

    [Fact]
    public async Task Recharges_PreparesEachPartnersStatement_AndPrintsItsTotal_Once()
    {
        await SucceedsAsync("users", "add", "olu.officer", "--role", "FinanceOfficer", "--password", "Correct-Horse-42!");

        var output = await SucceedsAsync("panel", "recharges", "--month", "2026-10", "--as", "olu.officer");

        Assert.Contains("Prepared the recharge statements:", output, StringComparison.Ordinal);
        Assert.Matches(@"RCH-HEALTH-2026-10\s+health \(ICB\)\s+1 October 2026 to 31 October 2026\s+1 line\(s\)\s+total £1,500\.00", output);
        Assert.Matches(@"RCH-SOCIALCARE-2026-10\s+social care\s+1 October 2026 to 31 October 2026\s+1 line\(s\)\s+total £1,000\.00", output);
        Assert.Contains("Total recharged: £2,500.00", output, StringComparison.Ordinal);

        var again = await SucceedsAsync("panel", "recharges", "--month", "2026-10", "--partner", "Health", "--as", "olu.officer");
        Assert.Contains("Nothing to prepare. Health (ICB) already recharged for October 2026.", again, StringComparison.Ordinal);

        // Health recharged quarterly: October's month was recharged, so its quarter cannot be.
        var quarterly = await AppProcess.RunWithAsync(_scenario.File, new Dictionary<string, string> { ["Panel__RechargeFrequency__Health"] = "Quarterly" },
            "panel", "recharges", "--month", "2026-09", "--partner", "Health", "--as", "olu.officer");
        Assert.Equal(0, quarterly.ExitCode);
        Assert.Matches(@"RCH-HEALTH-2026-07-Q\s+health \(ICB\)\s+1 July 2026 to 30 September 2026\s+0 line\(s\)\s+total £0\.00", quarterly.Output);
    }

    [Fact]
    public async Task Recharges_Refuses_BadUsage_AnUnknownUser_AndAPeriodNotOver()
    {
        await SucceedsAsync("users", "add", "olu.officer", "--role", "FinanceOfficer", "--password", "Correct-Horse-42!");

        var noMonth = await RunAsync("panel", "recharges", "--as", "olu.officer");
        Assert.Equal(2, noMonth.ExitCode);
        Assert.Contains("Give the month to recharge: --month YYYY-MM.", noMonth.Error, StringComparison.Ordinal);

        var badMonth = await RunAsync("panel", "recharges", "--month", "November", "--as", "olu.officer");
        Assert.Equal(2, badMonth.ExitCode);
        Assert.Contains("--month 'November' is not a month", badMonth.Error, StringComparison.Ordinal);

        var education = await RunAsync("panel", "recharges", "--month", "2026-10", "--partner", "Education", "--as", "olu.officer");
        Assert.Equal(2, education.ExitCode);
        Assert.Contains("is not a partner recharged", education.Error, StringComparison.Ordinal);

        var stranger = await RunAsync("panel", "recharges", "--month", "2026-10", "--as", "nobody");
        Assert.Equal(1, stranger.ExitCode);
        Assert.Contains("'nobody' is not a panel member, finance officer", stranger.Error, StringComparison.Ordinal);

        var future = await RunAsync("panel", "recharges", "--month", "2099-01", "--as", "olu.officer");
        Assert.Equal(1, future.ExitCode);
        Assert.Contains("Refused (PeriodNotOver)", future.Error, StringComparison.Ordinal);

        var quarterNotOver = await AppProcess.RunWithAsync(_scenario.File, new Dictionary<string, string> { ["Panel__RechargeFrequency__Health"] = "Quarterly" },
            "panel", "recharges", "--month", "2099-02", "--partner", "Health", "--as", "olu.officer");
        Assert.Equal(1, quarterNotOver.ExitCode);
        Assert.Contains("Health (ICB) is recharged quarterly: January – March 2099 can be recharged from 1 April 2099.", quarterNotOver.Error, StringComparison.Ordinal);

        var badFrequency = await AppProcess.RunWithAsync(_scenario.File, new Dictionary<string, string> { ["Panel__RechargeFrequency__SocialCare"] = "Fortnightly" },
            "panel", "recharges", "--month", "2026-10", "--as", "olu.officer");
        Assert.NotEqual(0, badFrequency.ExitCode);
        Assert.Contains("Panel:RechargeFrequency:SocialCare 'Fortnightly' is neither Monthly nor Quarterly.", badFrequency.Error, StringComparison.Ordinal);

        var unknown = await RunAsync("panel", "meetings");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("panel recharges --month", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckReviews_FlagsTheCasesOverdueToday_Once()
    {
        var today = NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(NodaTime.DateTimeZoneProviders.Tzdb["Europe/London"]).Date;
        await _scenario.ReviewOnAsync(new NodaTime.LocalDate(2026, 11, 1), today.PlusDays(-1));
        var on = today.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains($"Checked panel reviews on {on}: 1 overdue for review, 1 changed.", await SucceedsAsync("panel", "check-reviews"), StringComparison.Ordinal);
        Assert.Contains($"Checked panel reviews on {on}: 1 overdue for review, 0 changed.", await SucceedsAsync("panel", "check-reviews"), StringComparison.Ordinal);
    }
}
