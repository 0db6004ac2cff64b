using NodaTime;
using Placements.Commissioning.Auditing;
using Xunit;

namespace Placements.Commissioning.Tests.Auditing;

/// <summary>The audit trail writes values the same way whatever the server's culture: dates as ISO 8601.</summary>
public class AuditTextTests
{
    [Fact]
    public void ADate_IsWrittenAsIso() =>
        Assert.Equal("2027-07-21", AuditInterceptor.AsText(new LocalDate(2027, 7, 21)));

    [Fact]
    public void AnInstant_IsWrittenAsIsoUtc() =>
        Assert.Equal("2026-11-25T11:05:46Z", AuditInterceptor.AsText(Instant.FromUtc(2026, 11, 25, 11, 5, 46)));

    [Fact]
    public void NumbersAndNulls_AreWrittenInvariantly()
    {
        Assert.Equal("1234.5", AuditInterceptor.AsText(1234.5m));
        Assert.Null(AuditInterceptor.AsText(null));
    }
}
