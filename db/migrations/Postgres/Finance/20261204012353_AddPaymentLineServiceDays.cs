using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placements.Migrations.Postgres.Finance
{
    /// <inheritdoc />
    public partial class AddPaymentLineServiceDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ServiceFrom",
                table: "PaymentLines",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ServiceTo",
                table: "PaymentLines",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ServiceFrom",
                table: "PaymentLines");

            migrationBuilder.DropColumn(
                name: "ServiceTo",
                table: "PaymentLines");
        }
    }
}
