using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NodaTime;
using Placements.Commissioning.SchoolCalendar;

namespace Placements.Commissioning.Persistence;

/// <summary>
/// The one set of value converters every context uses, identical on SQLite, PostgreSQL and SQL Server,
/// so a value reads back the same whichever database a council runs.
/// </summary>
public static class PersistenceConventions
{
    public static void ApplyCommon(ModelConfigurationBuilder builder)
    {
        builder.Properties<LocalDate>().HaveConversion<LocalDateConverter>().HaveColumnType("date");
        builder.Properties<Instant>().HaveConversion<InstantConverter>();
        builder.Properties<AcademicYear>().HaveConversion<AcademicYearConverter>();
        builder.Properties<FinancialYear>().HaveConversion<FinancialYearConverter>();
        builder.Properties<YearMonth>().HaveConversion<YearMonthConverter>().HaveMaxLength(7);
        // Enums as their names: readable in the database and safe when members are added.
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    /// <summary><c>LocalDate</c> ↔ <c>DateOnly</c>: a calendar date with no time zone, stored as <c>date</c>.</summary>
    public sealed class LocalDateConverter() : ValueConverter<LocalDate, DateOnly>(
        d => d.ToDateOnly(), d => LocalDate.FromDateOnly(d));

    /// <summary><c>Instant</c> ↔ UTC <c>DateTime</c> (timestamptz on PostgreSQL).</summary>
    public sealed class InstantConverter() : ValueConverter<Instant, DateTime>(
        i => i.ToDateTimeUtc(), d => Instant.FromDateTimeUtc(DateTime.SpecifyKind(d, DateTimeKind.Utc)));

    /// <summary>An academic year is stored as the calendar year it starts in (2025 for 2025/26).</summary>
    public sealed class AcademicYearConverter() : ValueConverter<AcademicYear, int>(y => y.StartYear, v => new AcademicYear(v));

    /// <summary>A month is stored as ISO <c>YYYY-MM</c> text: readable, and it sorts in time order.</summary>
    public sealed class YearMonthConverter() : ValueConverter<YearMonth, string>(
        m => NodaTime.Text.YearMonthPattern.Iso.Format(m), t => NodaTime.Text.YearMonthPattern.Iso.Parse(t).Value);

    /// <summary>A financial year is stored as the calendar year it starts in (2025 for 2025/26).</summary>
    public sealed class FinancialYearConverter() : ValueConverter<FinancialYear, int>(y => y.StartYear, v => new FinancialYear(v));
}
