using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Placements.Finance;
using Placements.Finance.Invoices;
using Placements.Finance.Persistence;
using Placements.Web.Hosting;
using Placements.Web.Tests.Infrastructure;
using static Placements.Web.Tests.Infrastructure.GovUkHtml;

namespace Placements.Web.Tests.Invoices;

/// <summary>
/// The invoice pages through the real app on the example county (<see cref="InvoicesApp"/>): Meadowview School's placement
/// PL0033 (child C0025) under an agreement of £36,000 a year, monthly in arrears, so a whole month is expected at
/// £36,000 ÷ 12 = £3,000.00 with a tolerance of £15.00 (0.5% of £3,000.00, more than the £5.00 floor).
/// Each test invoices a different past month, so none trips over another's "period already invoiced".
/// </summary>
public sealed class InvoicePagesTests(InvoicesApp app) : IClassFixture<InvoicesApp>
{
    [Fact]
    public async Task AnOfficerRecordsAnInvoiceOnTheForm_AndSeesItToApprove()
    {
        var officer = await app.SignedInAsync("finance.officer");
        var month = MonthsAgo(1);
        var number = $"MV-{month:yyyy-MM}";

        var (recorded, _) = await PostFormAsync(officer, "/Invoices/New", "/Invoices/New", InvoiceForm(number, month, "3000.00"));

        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var location = recorded.Headers.Location!.OriginalString;
        Assert.Matches("^/Invoices/[0-9]+$", location);
        var page = Decode(await officer.GetStringAsync(location));
        Assert.Contains("govuk-notification-banner--success", page);
        Assert.Contains($"Invoice {number} from PRV009 is recorded: 1 line, £3,000.00", page);
        Assert.Equal("To approve", TestId(page, "state"));
        Assert.Equal("Ready to approve", Part(page, "status"));
        Assert.Equal("£3,000.00", Part(page, "expected").Split('\n')[0].Trim()); // £36,000 ÷ 12
        Assert.Equal("£0.00", Part(page, "variance"));
        Assert.Contains("± £15.00", page);
        Assert.Contains("Agreement for placement PL0033", page);
        Assert.Contains("Monthly in arrears", page);
        Assert.Contains("£36,000.00 a year", page);
        // The child is shown by initials and reference, never by name.
        var child = await ChildAsync();
        Assert.Equal($"{child.Initials} {InvoicesApp.Child}", Part(page, "child").Split('\n')[0].Trim());
        Assert.DoesNotContain(child.FamilyName, page);
        Assert.DoesNotContain("Approve the ready lines", page); // an officer is not offered the approval

        var queue = Decode(await officer.GetStringAsync("/Invoices"));
        var toApprove = Tab(queue, "to-approve");
        Assert.Contains($"data-invoice=\"{number}\"", toApprove);
        Assert.Contains("Meadowview School", toApprove);
        Assert.DoesNotContain($"data-invoice=\"{number}\"", Tab(queue, "to-match"));
        Assert.Contains("href=\"/Invoices\"", queue); // the menu
    }

    [Fact]
    public async Task ABadForm_ListsEveryError_EachLinkedToItsField_AndRecordsNothing()
    {
        var officer = await app.SignedInAsync("finance.officer");
        var before = await InvoiceCountAsync();

        // Nothing filled in: the form's own checks.
        var (empty, emptyHtml) = await PostFormAsync(officer, "/Invoices/New", "/Invoices/New", []);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Equal(
        [
            ("#ProviderReference", "Select the provider"),
            ("#Number", "Enter the invoice number"),
            ("#InvoiceDate-day", "Enter the invoice date"),
            ("#ReceivedOn-day", "Enter the date received"),
            ("#Lines_0__ChildReference", "Enter at least one line: a child, a period and an amount"),
        ], ErrorSummary(emptyHtml));

        // A complete form the use case refuses: every rule broken is listed, on the row typed (row 1 is left blank).
        var month = MonthsAgo(2);
        var tomorrow = Today().PlusDays(1);
        var fields = InvoiceForm("MV-BAD", month, "3000.00", row: 1);
        fields["Lines[1].ChildReference"] = "C9999";
        fields["Lines[2].ChildReference"] = InvoicesApp.Child;
        fields["Lines[2].PeriodStart"] = Iso(month.OnDayOfMonth(1));
        fields["Lines[2].PeriodEnd"] = Iso(month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month)));
        fields["Lines[2].Amount"] = "0";
        (fields["ReceivedOn.Day"], fields["ReceivedOn.Month"], fields["ReceivedOn.Year"]) = (Text(tomorrow.Day), Text(tomorrow.Month), Text(tomorrow.Year));
        var (refused, html) = await PostFormAsync(officer, "/Invoices/New", "/Invoices/New", fields);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var errors = ErrorSummary(html);
        Assert.Contains(errors, e => e.Href == "#ReceivedOn-day" && e.Message.Contains("is in the future", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Href == "#Lines_1__ChildReference" && e.Message == "No child has the reference C9999.");
        Assert.Contains(errors, e => e.Href == "#Lines_2__Amount" && e.Message.StartsWith("The amount invoiced must be more than £0.00", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
        Assert.Contains("value=\"C9999\"", html); // typed values come back
        Assert.Equal(before, await InvoiceCountAsync());
    }

    [Fact]
    public async Task AMalformedCsv_ListsEveryError_AndRecordsNothing()
    {
        var officer = await app.SignedInAsync("finance.officer");
        var before = await InvoiceCountAsync();
        var month = MonthsAgo(3);
        var (start, end) = (Iso(month.OnDayOfMonth(1)), Iso(month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month))));
        var received = Iso(Today());
        var csv = string.Join('\n',
            "provider_ref,invoice_number,invoice_date,received_date,child_ref,period_start,period_end,amount",
            $"PRV009,IMP-1,2026-13-01,{received},C0025,{start},{end},3000.00",
            $"PRV009,IMP-1,{received},{received},C0025,{start},{end},three thousand",
            $"PRV009,IMP-2,{received},{received},C9999,{start},{end},3000.00") + "\n";

        var (response, html) = await UploadAsync(officer, "bad-invoices.csv", csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem: nothing was recorded", html);
        var errors = ErrorSummary(html).Select(e => e.Message).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("bad-invoices.csv:2: invoice_date: ", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("bad-invoices.csv:3: amount: ", StringComparison.Ordinal));
        Assert.Contains("bad-invoices.csv:4: child_ref: No child has the reference C9999.", errors);
        Assert.Equal(before, await InvoiceCountAsync());

        // The same file put right is recorded, and the page lists what it recorded.
        var (good, goodHtml) = await UploadAsync(officer, "invoices.csv", string.Join('\n',
            "provider_ref,invoice_number,invoice_date,received_date,child_ref,period_start,period_end,amount",
            $"PRV009,IMP-{month:yyyy-MM},{received},{received},C0025,{start},{end},3000.00") + "\n");
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.DoesNotContain("govuk-error-summary", goodHtml);
        Assert.Contains("1 invoice recorded", goodHtml);
        Assert.Contains($"data-invoice=\"IMP-{month:yyyy-MM}\"", goodHtml);
        Assert.Equal(before + 1, await InvoiceCountAsync());
    }

    [Fact]
    public async Task WhoeverRecordedAnInvoiceCannotApproveIt_AnotherApproverDoes()
    {
        var month = MonthsAgo(4);
        var number = $"MV-{month:yyyy-MM}";
        var recorder = await app.SignedInAsync("finance.approver");
        var (recorded, _) = await PostFormAsync(recorder, "/Invoices/New", "/Invoices/New", InvoiceForm(number, month, "3000.00"));
        var page = recorded.Headers.Location!.OriginalString;

        var (own, ownHtml) = await PostFormAsync(recorder, page, page + "?handler=Approve", []);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var error = Assert.Single(ErrorSummary(ownHtml));
        Assert.Equal("#Approve", error.Href);
        Assert.Contains("recorded", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(InvoiceLineStatus.ReadyToApprove, (await LinesAsync(number)).Single().Status);

        // An officer is not an approver at all.
        var officer = await app.SignedInAsync("finance.officer");
        var (denied, _) = await PostFormAsync(officer, page, page + "?handler=Approve", []);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);

        var approver = await app.SignedInAsync("second.approver");
        var (approved, _) = await PostFormAsync(approver, page, page + "?handler=Approve", []);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var html = Decode(await approver.GetStringAsync(approved.Headers.Location!.OriginalString));
        Assert.Contains($"You approved 1 line of invoice {number}: £3,000.00.", html);
        Assert.Equal("Awaiting payment", TestId(html, "state"));
        var line = (await LinesAsync(number)).Single();
        Assert.Equal((InvoiceLineStatus.Approved, Money.FromPounds(3_000), "second.approver"), (line.Status, line.ApprovedAmount, line.ApprovedBy));
    }

    [Fact]
    public async Task AnOfficerQueriesALine_AndAnApproverApprovesTheUndisputedPart()
    {
        // £3,120.00 invoiced against £3,000.00 expected: £120.00 over, beyond the £15.00 tolerance, so the match queries it.
        var month = MonthsAgo(5);
        var number = $"MV-{month:yyyy-MM}";
        var officer = await app.SignedInAsync("finance.officer");
        var (recorded, _) = await PostFormAsync(officer, "/Invoices/New", "/Invoices/New", InvoiceForm(number, month, "3120.00"));
        var page = recorded.Headers.Location!.OriginalString;
        var html = Decode(await officer.GetStringAsync(page));
        Assert.Equal("Queried", TestId(html, "state"));
        Assert.Equal("+£120.00", Part(html, "variance"));
        Assert.Contains(number, Tab(Decode(await officer.GetStringAsync("/Invoices")), "queried"));
        var lineId = (await LinesAsync(number)).Single().Id;

        // The officer puts the query to the provider in their own words; a query needs a reason.
        var (blank, blankHtml) = await PostFormAsync(officer, page, page + "?handler=Query", new() { ["LineId"] = Text(lineId), ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Equal([($"#Reason-{lineId}", "Say why you are querying the line")], ErrorSummary(blankHtml));
        const string reason = "Asked the school about the £120.00 extra: not in the agreement";
        var (queried, _) = await PostFormAsync(officer, page, page + "?handler=Query", new() { ["LineId"] = Text(lineId), ["Reason"] = reason });
        Assert.Equal(HttpStatusCode.Redirect, queried.StatusCode);
        html = Decode(await officer.GetStringAsync(page));
        Assert.Equal(reason, Part(html, "reason"));

        // Approving part needs a note saying why the rest is not approved.
        var approver = await app.SignedInAsync("finance.approver");
        var (noNote, noNoteHtml) = await PostFormAsync(approver, page, page + "?handler=ApprovePart", new() { ["LineId"] = Text(lineId), ["Amount"] = "3000.00" });
        Assert.Equal(HttpStatusCode.OK, noNote.StatusCode);
        Assert.Equal($"#Note-{lineId}", Assert.Single(ErrorSummary(noNoteHtml)).Href);

        var (part, _) = await PostFormAsync(approver, page, page + "?handler=ApprovePart",
            new() { ["LineId"] = Text(lineId), ["Amount"] = "3000.00", ["Note"] = "The agreed fee; the £120.00 stays queried" });
        Assert.Equal(HttpStatusCode.Redirect, part.StatusCode);
        html = Decode(await approver.GetStringAsync(page));
        Assert.Contains("You approved £3,000.00 of line 1; £120.00 stays disputed.", html);
        Assert.Equal("Partly approved", Part(html, "status"));
        Assert.Equal("Awaiting payment", TestId(html, "state"));
        var line = (await LinesAsync(number)).Single();
        Assert.Equal((InvoiceLineStatus.PartlyApproved, Money.FromPounds(3_000), Money.FromPounds(120)), (line.Status, line.ApprovedAmount, line.Disputed));
    }

    [Fact]
    public async Task AnInvoicePastItsDueDate_IsOverdue_AndShowsWhatPayingItLateCosts()
    {
        // Received 40 days ago, so due 30 days after receipt = 10 days ago. Paid today it would be 10 days late:
        // interest £3,000.00 × (4% base rate + 8%) × 10 ÷ 365 = £9.8630… → £9.86, plus £70.00 compensation
        // (a debt of £1,000–£9,999.99): £79.86 in all.
        var month = MonthsAgo(6);
        var number = $"MV-{month:yyyy-MM}";
        var received = Today().PlusDays(-40);
        var fields = InvoiceForm(number, month, "3000.00");
        (fields["InvoiceDate.Day"], fields["InvoiceDate.Month"], fields["InvoiceDate.Year"]) = (Text(received.Day), Text(received.Month), Text(received.Year));
        (fields["ReceivedOn.Day"], fields["ReceivedOn.Month"], fields["ReceivedOn.Year"]) = (Text(received.Day), Text(received.Month), Text(received.Year));
        var officer = await app.SignedInAsync("finance.officer");
        var (recorded, _) = await PostFormAsync(officer, "/Invoices/New", "/Invoices/New", fields);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);

        var html = Decode(await officer.GetStringAsync(recorded.Headers.Location!.OriginalString));
        Assert.EndsWith(": 10 days overdue", Regex.Replace(TestId(html, "due"), @"\s+", " "));
        Assert.Equal("Warning Paid today, this invoice would be 10 days late: statutory interest of £9.86 (12.00% a year) and compensation of £70.00, £79.86 in all.",
            Regex.Replace(Regex.Replace(Regex.Match(html, "data-testid=\"late-charge\">(.*?)</strong>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", ""), @"\s+", " ").Trim());
        var queue = Decode(await officer.GetStringAsync("/Invoices"));
        Assert.Contains($"data-invoice=\"{number}\"", Tab(queue, "overdue"));
        Assert.DoesNotContain($"data-invoice=\"{number}\"", Tab(queue, "due-soon"));
    }

    [Fact]
    public async Task AnonymousIsSentToSignIn_AndACommissionerIsTurnedAway()
    {
        foreach (var url in new[] { "/Invoices", "/Invoices/New", "/Invoices/Import", "/Invoices/1" })
        {
            var anonymous = await app.Anonymous().GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/Account/SignIn", anonymous.Headers.Location!.PathAndQuery);
        }

        var commissioner = await app.SignedInAsync("commissioner");
        var denied = await commissioner.GetAsync("/Invoices");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("href=\"/Invoices\"", await commissioner.GetStringAsync("/"));
    }

    /// <summary>The calendar month <paramref name="n"/> months before this one (London), wholly past.</summary>
    private static YearMonth MonthsAgo(int n) => Today().ToYearMonth().PlusMonths(-n);

    private static LocalDate Today() => SystemClock.Instance.TodayInLondon();

    /// <summary>A one-line invoice from PRV009 for C0025's whole <paramref name="month"/>, dated and received today.</summary>
    private static Dictionary<string, string> InvoiceForm(string number, YearMonth month, string amount, int row = 0)
    {
        var today = Today();
        // A browser posts every row of the table, blank ones too (the binder needs rows from 0 without gaps).
        var blankRows = Enumerable.Range(0, 5).SelectMany(r => new[] { "ChildReference", "PlacementReference", "PeriodStart", "PeriodEnd", "Amount", "Description", "DuplicateOverrideReason" }
            .Select(f => $"Lines[{r}].{f}"));
        var form = blankRows.ToDictionary(k => k, _ => "");
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ProviderReference"] = InvoicesApp.ProviderReference,
            ["Number"] = number,
            ["InvoiceDate.Day"] = Text(today.Day), ["InvoiceDate.Month"] = Text(today.Month), ["InvoiceDate.Year"] = Text(today.Year),
            ["ReceivedOn.Day"] = Text(today.Day), ["ReceivedOn.Month"] = Text(today.Month), ["ReceivedOn.Year"] = Text(today.Year),
            [$"Lines[{row}].ChildReference"] = InvoicesApp.Child,
            [$"Lines[{row}].PeriodStart"] = $"{month.OnDayOfMonth(1):d/M/uuuu}",
            [$"Lines[{row}].PeriodEnd"] = $"{month.OnDayOfMonth(month.Calendar.GetDaysInMonth(month.Year, month.Month)):d/M/uuuu}",
            [$"Lines[{row}].Amount"] = amount,
            [$"Lines[{row}].Description"] = "Day placement fee",
        })
            form[key] = value;
        return form;
    }

    private async Task<(HttpResponseMessage, string)> UploadAsync(HttpClient client, string fileName, string csv)
    {
        var form = await client.GetStringAsync("/Invoices/Import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(InvoicesApp.AntiforgeryToken(form)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "Upload", fileName);
        var response = await client.PostAsync("/Invoices/Import", content);
        return (response, Decode(await response.Content.ReadAsStringAsync()));
    }

    private async Task<int> InvoiceCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FinanceDb>().Invoices.CountAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<InvoiceLine>> LinesAsync(string number)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var finance = scope.ServiceProvider.GetRequiredService<FinanceDb>();
        return (await finance.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Number == number, TestContext.Current.CancellationToken))
            .Lines.ToList();
    }

    private async Task<Commissioning.Children.Child> ChildAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Commissioning.Persistence.CommissioningDb>().Children.AsNoTracking()
            .SingleAsync(c => c.Reference == InvoicesApp.Child, TestContext.Current.CancellationToken);
    }

    /// <summary>Posts a form with the anti-forgery token of the page it is on.</summary>
    private static async Task<(HttpResponseMessage, string)> PostFormAsync(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(pageUrl);
        fields["__RequestVerificationToken"] = PlacementsApp.AntiforgeryToken(page);
        var response = await client.PostAsync(postUrl, new FormUrlEncodedContent(fields));
        return (response, Decode(await response.Content.ReadAsStringAsync()));
    }

    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    private static string TestId(string html, string id) =>
        Regex.Replace(Regex.Match(html, $"data-testid=\"{id}\"[^>]*>(.*?)</(dd|strong|td|span)>", RegexOptions.Singleline).Groups[1].Value, "<[^>]+>", "").Trim();

    /// <summary>The text of the first element marked <c>data-part</c>, tags removed (line breaks kept as new lines).</summary>
    private static string Part(string html, string part) =>
        Regex.Replace(Regex.Replace(Regex.Match(html, $"data-part=\"{part}\"[^>]*>(.*?)</(td|strong|span)>", RegexOptions.Singleline).Groups[1].Value,
            "<br>", "\n"), "<[^>]+>", "").Trim();

    /// <summary>One tab panel of the work queue.</summary>
    private static string Tab(string html, string id) =>
        Regex.Match(html, $"data-testid=\"tab-{id}\">(.*?)(?=<div class=\"govuk-tabs__panel|$)", RegexOptions.Singleline).Groups[1].Value;

}
