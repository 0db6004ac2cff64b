using System.Net;
using System.Text.RegularExpressions;

namespace Placements.Web.Tests.Infrastructure;

/// <summary>Reading GOV.UK Frontend components out of a page's HTML.</summary>
public static class GovUkHtml
{
    /// <summary>The error summary's links: each field's anchor and its message, as the user reads it (entities decoded).</summary>
    public static List<(string Href, string Message)> ErrorSummary(string html) =>
        Regex.Matches(html, "<li><a href=\"(#[^\"]*)\">(.*?)</a></li>", RegexOptions.Singleline)
            .Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value).Trim())).ToList();
}
