using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placements.Finance.Persistence;
using Placements.Web.Tests.Infrastructure;

namespace Placements.Web.Tests.Invoices;

/// <summary>
/// The invoices API through the real app, on the example county's independent school (PL0033 at £36,000 a year, monthly in
/// arrears: £3,000.00 a month): record (201 with the match, or 400 listing every error and writing nothing), read, and
/// approve (the recorder refused with 403; a second approver approves every ready line); 415, 401 and 403 as for runs.
/// Each test invoices its own months of 2025, so the tests share the app without clashing.
/// </summary>
public sealed class InvoicesApiTests(InvoicesApp app) : IClassFixture<InvoicesApp>
{
    [Fact]
    public async Task Record_MatchesTheLine_ThenTheRecorderIsRefused_AndASecondApproverApprovesEveryReadyLine()
    {
        var officer = await app.SignedInAsync("finance.approver"); // an approver may record, but then not approve
        var created = await officer.PostAsync("/api/invoices", Json(Invoice("API-101", ("2025-01-01", "2025-01-31", "3000.00"), ("2025-02-01", "2025-02-28", "3120.00"))));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var invoice = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = invoice.GetProperty("id").GetInt32();
        Assert.Equal($"/api/invoices/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(("PRV009", "2025-03-05", "2025-04-04", "6120.00"),
            (invoice.GetProperty("providerRef").GetString(), invoice.GetProperty("receivedOn").GetString(), invoice.GetProperty("dueOn").GetString(),
             invoice.GetProperty("total").GetString()));
        var lines = invoice.GetProperty("lines").EnumerateArray().ToList();
        // January at £3,000.00 is ready; February asks £120.00 more than the agreed £3,000.00, beyond the £15.00 tolerance.
        Assert.Equal(("ReadyToApprove", "3000.00", "0.00"), (lines[0].GetProperty("status").GetString(), lines[0].GetProperty("expected").GetString(), lines[0].GetProperty("variance").GetString()));
        Assert.Equal(("Queried", "120.00"), (lines[1].GetProperty("status").GetString(), lines[1].GetProperty("variance").GetString()));
        Assert.Equal("£120.00 more than the agreement's £3,000.00 (tolerance £15.00)", lines[1].GetProperty("queryReason").GetString());
        Assert.All(lines, l => Assert.Equal("C0025", l.GetProperty("childRef").GetString()));

        var refused = await ProblemAsync(await officer.PostAsync($"/api/invoices/{id}/approve", Json(new { })), HttpStatusCode.Forbidden);
        Assert.Equal("RecorderCannotApprove", refused.GetProperty("title").GetString());

        var approver = await app.SignedInAsync("second.approver");
        var approved = await approver.PostAsync($"/api/invoices/{id}/approve", Json(new { }));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var after = await approver.GetFromJsonAsync<JsonElement>($"/api/invoices/{id}");
        Assert.Equal(["Approved", "Queried"], after.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("status").GetString()));
        Assert.Equal(("3000.00", "second.approver"), (after.GetProperty("lines")[0].GetProperty("approvedAmount").GetString(), after.GetProperty("lines")[0].GetProperty("approvedBy").GetString()));

        // The queried line: approved in part, the undisputed £3,000.00, with a note.
        var partLine = after.GetProperty("lines")[1].GetProperty("lineId").GetInt64();
        var part = await approver.PostAsync($"/api/invoices/{id}/approve",
            Json(new { lines = new[] { new { lineId = partLine, amount = "3000.00", note = "Uplift not agreed; queried with the school." } } }));
        Assert.Equal(HttpStatusCode.OK, part.StatusCode);
        Assert.Equal("PartlyApproved", (await part.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("lines")[1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task ABadInvoice_Is400_ListingEveryError_AndWritesNothing()
    {
        var officer = await app.SignedInAsync("finance.officer");
        var before = await InvoiceCountAsync();

        var malformed = await ProblemAsync(await officer.PostAsync("/api/invoices",
            Json(Invoice("API-201", ("2025-13-01", "2025-05-31", "3000"), ("2025-06-01", "2025-06-30", "lots")))), HttpStatusCode.BadRequest);
        var unknown = await ProblemAsync(await officer.PostAsync("/api/invoices",
            Json(Invoice("API-202", ("2025-05-01", "2025-05-31", "-3000"), ("2025-06-01", "2025-05-01", "3000.00")) with { ChildRef = "NOBODY" })), HttpStatusCode.BadRequest);

        Assert.Equal(["DateMustBeIso:periodStart:1", "AmountMustBePounds:amount:2"], Errors(malformed));
        Assert.Equal("InvoiceRejected", unknown.GetProperty("title").GetString());
        Assert.True(Errors(unknown).Count >= 3, string.Join(", ", Errors(unknown)));
        Assert.Equal(before, await InvoiceCountAsync());
    }

    [Fact]
    public async Task TheSameNumberTwice_IsRefusedAsADuplicate()
    {
        var officer = await app.SignedInAsync("finance.officer");
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsync("/api/invoices", Json(Invoice("API-301", ("2025-07-01", "2025-07-31", "3000.00"))))).StatusCode);

        var again = await ProblemAsync(await officer.PostAsync("/api/invoices", Json(Invoice("API-301", ("2025-08-01", "2025-08-31", "3000.00")))), HttpStatusCode.BadRequest);

        Assert.Contains(Errors(again), e => e.StartsWith("DuplicateInvoiceNumber:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotJson_Is415_Anonymous401_ACommissioner403_AndAnOfficerCannotApprove()
    {
        var officer = await app.SignedInAsync("finance.officer");
        var form = await officer.PostAsync("/api/invoices", new StringContent("number=1", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var anonymous = await app.Anonymous().GetAsync("/api/invoices/1");
        var commissioner = await (await app.SignedInAsync("commissioner")).GetAsync("/api/invoices/1");
        var officerApproves = await officer.PostAsync("/api/invoices/1/approve", Json(new { }));

        Assert.Equal("JsonRequired", (await ProblemAsync(form, HttpStatusCode.UnsupportedMediaType)).GetProperty("title").GetString());
        Assert.Equal("NotSignedIn", (await ProblemAsync(anonymous, HttpStatusCode.Unauthorized)).GetProperty("title").GetString());
        Assert.Equal("NotPermitted", (await ProblemAsync(commissioner, HttpStatusCode.Forbidden)).GetProperty("title").GetString());
        Assert.Equal("NotPermitted", (await ProblemAsync(officerApproves, HttpStatusCode.Forbidden)).GetProperty("title").GetString());
    }

    private sealed record InvoiceBody(string ProviderRef, string Number, string InvoiceDate, string ReceivedDate, string ChildRef, object[] Lines);

    private static InvoiceBody Invoice(string number, params (string Start, string End, string Amount)[] lines) =>
        new(InvoicesApp.ProviderReference, number, "2025-03-03", "2025-03-05", InvoicesApp.Child,
            lines.Select(l => (object)new { childRef = InvoicesApp.Child, periodStart = l.Start, periodEnd = l.End, amount = l.Amount }).ToArray());

    private static StringContent Json(object body)
    {
        if (body is InvoiceBody invoice)
        {
            // The child on every line follows the body's ChildRef, so a test can swap it in one place.
            body = new
            {
                providerRef = invoice.ProviderRef, number = invoice.Number, invoiceDate = invoice.InvoiceDate, receivedDate = invoice.ReceivedDate,
                lines = invoice.Lines.Select(l => JsonSerializer.SerializeToElement(l)).Select(l => new
                {
                    childRef = invoice.ChildRef, periodStart = l.GetProperty("periodStart").GetString(), periodEnd = l.GetProperty("periodEnd").GetString(),
                    amount = l.GetProperty("amount").GetString(),
                }).ToArray(),
            };
        }
        return new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
    }

    private static List<string> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray()
            .Select(e => $"{e.GetProperty("rule").GetString()}:{e.GetProperty("field").GetString()}" +
                         (e.GetProperty("line").ValueKind == JsonValueKind.Number ? $":{e.GetProperty("line").GetInt32()}" : ""))
            .ToList();

    private async Task<int> InvoiceCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FinanceDb>().Invoices.CountAsync();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonSerializer.Deserialize<JsonElement>(text);
    }
}
