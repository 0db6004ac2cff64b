using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Finance.Payments;
using Placements.Finance.Persistence;
using Placements.Web.Database;
using Placements.Web.Payments;
using Placements.Web.Security;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests;

/// <summary>
/// The demo county with payment runs in known states, shared (one after another) by the API and placement payments
/// tests: April 2026 prepared by finance.officer and approved by head.of.finance (limit £10m), May 2026 prepared by
/// finance.approver and left as a draft. Payments start in April, so each month pays about one month's top-ups.
/// </summary>
public sealed class PaymentsApiApp() : PlacementsApp(DatabaseProvider.Sqlite)
{
    public static readonly YearMonth April = new(2026, 4);
    public static readonly YearMonth May = new(2026, 5);

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Payments:FirstMonth", "2026-04")];

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await ActAsync("finance.officer", ops => ops.PrepareAsync(April, "finance.officer"));
        await ActAsync("head.of.finance", async (ops, sp) =>
            await sp.GetRequiredService<ApprovePaymentRun>().ApproveAsync(April, await ops.ApproverAsync("head.of.finance"), "Checked"));
        await ActAsync("finance.approver", ops => ops.PrepareAsync(May, "finance.approver"));
    }

    /// <summary>Runs <paramref name="work"/> in a scope of its own as <paramref name="user"/>, as the CLI does.</summary>
    public Task ActAsync(string user, Func<PaymentOperations, Task> work) => ActAsync(user, (ops, _) => work(ops));

    public async Task ActAsync(string user, Func<PaymentOperations, IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().ActingAs(user);
        await work(scope.ServiceProvider.GetRequiredService<PaymentOperations>(), scope.ServiceProvider);
    }

    public async Task<T> QueryAsync<T>(Func<FinanceDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FinanceDb>());
    }

    public Task<PaymentRun?> RunAsync(YearMonth month, int sequence = 1) =>
        QueryAsync(db => db.PaymentRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Month == month && r.Sequence == sequence));
}

/// <summary>The API and the placement payments page share the runs above, so they take turns.</summary>
[CollectionDefinition(Name)]
public sealed class PaymentRunsCollection : ICollectionFixture<PaymentsApiApp>
{
    public const string Name = "Payment runs";
}

/// <summary>
/// The payment runs API through the real app: JSON for the runs, problem+json titled with the rule for every refusal
/// (403 for who is acting, 409 for the run's state, 400 for bad input, 415 for a POST that is not JSON), 401 rather
/// than a sign-in redirect for an anonymous call, and a preparation queued on the scheduled job.
/// </summary>
[Collection(PaymentRunsCollection.Name)]
public sealed class PaymentRunsApiTests(PaymentsApiApp app)
{
    [Fact]
    public async Task List_ShowsEveryRun_OldestFirst_WithTotalsAsPoundsText()
    {
        var april = (await app.RunAsync(PaymentsApiApp.April))!;
        var client = await app.SignedInAsync("finance.officer");

        var response = await client.GetAsync("/api/payment-runs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var runs = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        var months = runs.Select(r => r.GetProperty("month").GetString()).ToList();
        Assert.Equal(months.Order(StringComparer.Ordinal), months);
        var first = runs.Single(r => r.GetProperty("month").GetString() == "2026-04");
        Assert.Equal(("Approved", "finance.officer", "head.of.finance"),
            (first.GetProperty("status").GetString(), first.GetProperty("preparedBy").GetString(), first.GetProperty("approvedBy").GetString()));
        Assert.Equal(april.Total.ToPlainString(), first.GetProperty("total").GetString());
        Assert.Matches(@"^\d+\.\d\d$", first.GetProperty("total").GetString());
        Assert.Equal(april.LineCount, first.GetProperty("lineCount").GetInt32());
        Assert.True(april.LineCount > 100, "the demo county's April pays hundreds of placements");
        var may = runs.Single(r => r.GetProperty("month").GetString() == "2026-05");
        Assert.Equal(("Draft", "finance.approver"), (may.GetProperty("status").GetString(), may.GetProperty("preparedBy").GetString()));
    }

    [Fact]
    public async Task Get_AMonth_ReturnsItsRuns_WithTheVersionToApprove()
    {
        var may = (await app.RunAsync(PaymentsApiApp.May))!;
        var client = await app.SignedInAsync("finance.approver");

        var runs = await client.GetFromJsonAsync<JsonElement>("/api/payment-runs/2026-05");

        var run = Assert.Single(runs.EnumerateArray());
        Assert.Equal((1, may.Version, may.Total.ToPlainString(), "/Payments/Run/2026-05/1"),
            (run.GetProperty("sequence").GetInt32(), run.GetProperty("version").GetInt32(), run.GetProperty("total").GetString(), run.GetProperty("page").GetString()));
    }

    [Fact]
    public async Task Get_AMonthWithoutARun_Is404Problem()
    {
        var client = await app.SignedInAsync("finance.officer");

        var problem = await ProblemAsync(await client.GetAsync("/api/payment-runs/2031-01"), HttpStatusCode.NotFound);

        Assert.Equal("NoPaymentRun", problem.Title);
        Assert.Equal("There is no payment run for January 2031.", problem.Detail);
    }

    [Theory]
    [InlineData("GET", "/api/payment-runs/2026-13")]
    [InlineData("GET", "/api/payment-runs/April")]
    [InlineData("POST", "/api/payment-runs/26-04/approve")]
    [InlineData("POST", "/api/payment-runs/2026-4/prepare")]
    public async Task ABadMonth_Is400Problem_SayingHowToWriteIt(string method, string url)
    {
        var client = await app.SignedInAsync("finance.approver");

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? Json(new { version = 1 }) : null });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("MonthMustBeYearAndMonth", problem.Title);
        Assert.Contains("give it as YYYY-MM", problem.Detail);
    }

    [Fact]
    public async Task Approve_ByItsPreparer_Is403_PreparerCannotApprove_AndTheRunStaysADraft()
    {
        var may = (await app.RunAsync(PaymentsApiApp.May))!;
        var client = await app.SignedInAsync("finance.approver");

        var response = await client.PostAsync("/api/payment-runs/2026-05/approve", Json(new { note = "Mine", version = may.Version }));

        var problem = await ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal("PreparerCannotApprove", problem.Title);
        Assert.Equal("finance.approver prepared the May 2026 run, so cannot approve it: another finance approver must.", problem.Detail);
        Assert.Equal(PaymentRunStatus.Draft, (await app.RunAsync(PaymentsApiApp.May))!.Status);
    }

    [Fact]
    public async Task Approve_WhenNothingIsPrepared_Is409_NothingToApprove()
    {
        var client = await app.SignedInAsync("head.of.finance");

        var response = await client.PostAsync("/api/payment-runs/2030-03/approve", Json(new { version = 1 }));

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("NothingToApprove", problem.Title);
        Assert.Equal("There is no prepared run for March 2030 waiting for approval.", problem.Detail);
    }

    [Fact]
    public async Task Approve_WithAStaleVersion_Is409_AndApprovesNothing()
    {
        var may = (await app.RunAsync(PaymentsApiApp.May))!;
        var client = await app.SignedInAsync("head.of.finance");

        var response = await client.PostAsync("/api/payment-runs/2026-05/approve", Json(new { note = "Looks right", version = may.Version - 1 }));

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("PaymentRunChangedSinceShown", problem.Title);
        var after = (await app.RunAsync(PaymentsApiApp.May))!;
        Assert.Equal((PaymentRunStatus.Draft, may.Version, (string?)null), (after.Status, after.Version, after.ApprovedBy));
    }

    [Theory]
    [InlineData("{\"note\": \"no version\"}", "VersionRequired")]
    [InlineData("{\"version\": \"three\"}", "MalformedRequest")]
    [InlineData("not json at all", "MalformedRequest")]
    [InlineData("", "MalformedRequest")]
    public async Task Approve_WithABodyThatIsNotAnApproval_Is400(string body, string title)
    {
        var client = await app.SignedInAsync("head.of.finance");

        var response = await client.PostAsync("/api/payment-runs/2026-05/approve", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(title, (await ProblemAsync(response, HttpStatusCode.BadRequest)).Title);
        Assert.Equal(PaymentRunStatus.Draft, (await app.RunAsync(PaymentsApiApp.May))!.Status);
    }

    [Theory]
    [InlineData("/api/payment-runs/2026-05/approve", "text/plain")]
    [InlineData("/api/payment-runs/2026-07/prepare", "application/x-www-form-urlencoded")]
    public async Task APostThatIsNotJson_Is415_SoACrossSiteFormCannotSendIt(string url, string contentType)
    {
        var client = await app.SignedInAsync("head.of.finance");
        var may = (await app.RunAsync(PaymentsApiApp.May))!;

        var response = await client.PostAsync(url, new StringContent($"{{\"version\": {may.Version}}}", Encoding.UTF8, contentType));

        Assert.Equal("JsonRequired", (await ProblemAsync(response, HttpStatusCode.UnsupportedMediaType)).Title);
        Assert.Equal(PaymentRunStatus.Draft, (await app.RunAsync(PaymentsApiApp.May))!.Status);
        Assert.Null(await app.RunAsync(new YearMonth(2026, 7)));
    }

    [Theory]
    [InlineData("GET", "/api/payment-runs")]
    [InlineData("POST", "/api/payment-runs/2026-05/approve")]
    public async Task Anonymous_Is401Problem_NotARedirectToTheSignInPage(string method, string url)
    {
        var client = app.Anonymous();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? Json(new { version = 1 }) : null });

        Assert.Null(response.Headers.Location);
        Assert.Equal("NotSignedIn", (await ProblemAsync(response, HttpStatusCode.Unauthorized)).Title);
    }

    [Theory]
    [InlineData("commissioner", "GET", "/api/payment-runs")]
    [InlineData("commissioner", "POST", "/api/payment-runs/2026-07/prepare")]
    [InlineData("finance.officer", "POST", "/api/payment-runs/2026-05/approve")]
    [InlineData("admin", "POST", "/api/payment-runs/2026-05/approve")]
    public async Task OutsideTheRole_Is403Problem(string user, string method, string url)
    {
        var client = await app.SignedInAsync(user);
        var may = (await app.RunAsync(PaymentsApiApp.May))!;

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? Json(new { version = may.Version }) : null });

        Assert.Null(response.Headers.Location);
        Assert.Equal("NotPermitted", (await ProblemAsync(response, HttpStatusCode.Forbidden)).Title);
        Assert.Equal(PaymentRunStatus.Draft, (await app.RunAsync(PaymentsApiApp.May))!.Status);
    }

    [Fact]
    public async Task Preparation_OfAMonthNotPreparedHere_Is404Problem()
    {
        var client = await app.SignedInAsync("finance.officer");

        var problem = await ProblemAsync(await client.GetAsync("/api/payment-runs/2029-01/preparation"), HttpStatusCode.NotFound);

        Assert.Equal("NoPreparation", problem.Title);
    }

    [Fact]
    public async Task Prepare_AMonthBeforeAnApprovedOne_Is409_PaymentMonthIsClosed()
    {
        var client = await app.SignedInAsync("finance.officer");

        var response = await client.PostAsync("/api/payment-runs/2026-03/prepare", Json(new { }));

        Assert.Equal("PaymentMonthIsClosed", (await ProblemAsync(response, HttpStatusCode.Conflict)).Title);
        Assert.Null(await app.RunAsync(new YearMonth(2026, 3)));
    }

    [Fact]
    public async Task Prepare_WhileAnotherMonthsRunIsOpen_Is409_OneOpenRunAtATime()
    {
        var client = await app.SignedInAsync("finance.officer");

        var response = await client.PostAsync("/api/payment-runs/2026-06/prepare", Json(new { }));

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("OneOpenRunAtATime", problem.Title);
        Assert.StartsWith("The May 2026 run is draft: approve it before preparing June 2026", problem.Detail);
        Assert.Null(await app.RunAsync(new YearMonth(2026, 6)));
    }

    [Fact]
    public async Task Prepare_Is202_AndTheJobRecomputesTheDraft_ReportingItsProgress()
    {
        // The May draft's own preparer asks again, so the other tests still see the draft they expect.
        var client = await app.SignedInAsync("finance.approver");
        var before = (await app.RunAsync(PaymentsApiApp.May))!;

        var accepted = await client.PostAsync("/api/payment-runs/2026-05/prepare", Json(new { }));

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal("/api/payment-runs/2026-05", accepted.Headers.Location?.OriginalString);
        var progressAt = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("progress").GetString();
        Assert.Equal("/api/payment-runs/2026-05/preparation", progressAt);
        // The job runs off the request: follow its progress until it has finished.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        JsonElement progress;
        while (!(progress = await client.GetFromJsonAsync<JsonElement>(progressAt)).GetProperty("finished").GetBoolean() && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        Assert.Equal((true, false), (progress.GetProperty("finished").GetBoolean(), progress.GetProperty("failed").GetBoolean()));
        Assert.StartsWith("Recomputed the May 2026 run", progress.GetProperty("message").GetString());
        var after = (await app.RunAsync(PaymentsApiApp.May))!;
        Assert.Equal((before.Id, PaymentRunStatus.Draft, "finance.approver", before.Total), (after.Id, after.Status, after.PreparedBy, after.Total));
        Assert.True(after.Version > before.Version);
    }

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private sealed record Problem(string? Title, string? Detail, int? Status);

    private static async Task<Problem> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<Problem>(text, JsonSerializerOptions.Web)!;
        Assert.Equal((int)expected, problem.Status);
        return problem;
    }
}
