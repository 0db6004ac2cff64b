using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Accounts;
using Placements.Finance;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Web.Cli;
using Placements.Web.Database;
using Placements.Web.Security;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>The example county (small and quick to load) with an officer and an approver, for the API's whole happy path.</summary>
public sealed class ExampleCountyPaymentsApp() : StaffedEmptyApp(DatabaseProvider.Sqlite, new Dictionary<string, string>
{
    ["olu.officer"] = Roles.FinanceOfficer,
    ["ada.approver"] = Roles.FinanceApprover,
})
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (await CommandLine.RunAsync(Services, ["import", ExampleCounty.Folder]) != 0) throw new InvalidOperationException("The example county did not import.");
        await using var scope = Services.CreateAsyncScope();
        var problems = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().SetApprovalLimitAsync("ada.approver", Money.FromPounds(500_000));
        if (problems.Count > 0) throw new InvalidOperationException(string.Join(" ", problems));
    }
}

/// <summary>An officer prepares through the API, the job prepares the run, and an approver approves it through the API.</summary>
public sealed class PaymentRunsApiApprovalTests(ExampleCountyPaymentsApp app) : IClassFixture<ExampleCountyPaymentsApp>
{
    [Fact]
    public async Task Prepare_Is202_TheJobPreparesTheRun_AndAnotherApproverApprovesIt()
    {
        var officer = await app.SignedInAsync("olu.officer");

        var accepted = await officer.PostAsync("/api/payment-runs/2026-04/prepare", Json(new { }));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var progressAt = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("progress").GetString();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement progress;
        while (!(progress = await officer.GetFromJsonAsync<JsonElement>(progressAt)).GetProperty("finished").GetBoolean() && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        Assert.StartsWith("Prepared the April 2026 run", progress.GetProperty("message").GetString());
        var run = Assert.Single((await officer.GetFromJsonAsync<JsonElement>("/api/payment-runs/2026-04")).EnumerateArray());
        Assert.Equal(("Draft", "olu.officer"), (run.GetProperty("status").GetString(), run.GetProperty("preparedBy").GetString()));

        var approver = await app.SignedInAsync("ada.approver");
        var approved = await approver.PostAsync("/api/payment-runs/2026-04/approve",
            Json(new { note = "Agreed with the ledger", version = run.GetProperty("version").GetInt32() }));

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var body = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Approved", "ada.approver"), (body.GetProperty("status").GetString(), body.GetProperty("approvedBy").GetString()));
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<FinanceDb>().PaymentRuns.Include(r => r.Events)
            .SingleAsync(r => r.Month == new YearMonth(2026, 4), TestContext.Current.CancellationToken);
        Assert.Equal((PaymentRunStatus.Approved, "ada.approver"), (stored.Status, stored.ApprovedBy));
        Assert.Contains(stored.Events, e => e.Action == "Approved" && e.Note == "Agreed with the ledger" && e.Actor == "ada.approver");
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
