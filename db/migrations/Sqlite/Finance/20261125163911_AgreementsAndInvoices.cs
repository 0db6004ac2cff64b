using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placements.Migrations.Sqlite.Finance
{
    /// <inheritdoc />
    public partial class AgreementsAndInvoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BaseRates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    BasisPoints = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BaseRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Invoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProviderId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProviderReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InvoiceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    CreditsInvoiceId = table.Column<int>(type: "INTEGER", nullable: true),
                    DeadlineFlag = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DeadlineCheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InterestPaid = table.Column<long>(type: "INTEGER", nullable: true),
                    InterestPaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InterestRecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invoices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlacementAgreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProviderId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProviderReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Invoicing = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TermSplit = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FeesPayableDuringAbsence = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoticePeriod = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FeeReviewDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PaymentTermDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ContractReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementAgreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InvoiceLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    LineNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChildReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChildInitials = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    CreditsLineId = table.Column<long>(type: "INTEGER", nullable: true),
                    DuplicateOverrideReason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: true),
                    Expected = table.Column<long>(type: "INTEGER", nullable: true),
                    NetInvoiced = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    QueryReason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ApprovedAmount = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovalNote = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PaidInRunId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoiceLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvoiceLines_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementExtras",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AnnualAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementExtras", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementExtras_PlacementAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "PlacementAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementFees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AnnualAmount = table.Column<long>(type: "INTEGER", nullable: false),
                    DailyRate = table.Column<long>(type: "INTEGER", nullable: true),
                    Days = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementFees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementFees_PlacementAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "PlacementAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "InvoicePayments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PaymentRunId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvoiceLineId = table.Column<long>(type: "INTEGER", nullable: false),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvoicePayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvoicePayments_InvoiceLines_InvoiceLineId",
                        column: x => x.InvoiceLineId,
                        principalTable: "InvoiceLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InvoicePayments_PaymentRuns_PaymentRunId",
                        column: x => x.PaymentRunId,
                        principalTable: "PaymentRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementExtras_AgreementId",
                table: "AgreementExtras",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementFees_AgreementId_EffectiveFrom",
                table: "AgreementFees",
                columns: new[] { "AgreementId", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BaseRates_EffectiveFrom",
                table: "BaseRates",
                column: "EffectiveFrom",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_InvoiceId",
                table: "InvoiceLines",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_PlacementId_PeriodStart",
                table: "InvoiceLines",
                columns: new[] { "PlacementId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_Status",
                table: "InvoiceLines",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_InvoicePayments_InvoiceLineId",
                table: "InvoicePayments",
                column: "InvoiceLineId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvoicePayments_PaymentRunId",
                table: "InvoicePayments",
                column: "PaymentRunId");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_DueOn",
                table: "Invoices",
                column: "DueOn");

            migrationBuilder.CreateIndex(
                name: "IX_Invoices_ProviderId_Number",
                table: "Invoices",
                columns: new[] { "ProviderId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlacementAgreements_PlacementId",
                table: "PlacementAgreements",
                column: "PlacementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlacementAgreements_ProviderId",
                table: "PlacementAgreements",
                column: "ProviderId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementExtras");

            migrationBuilder.DropTable(
                name: "AgreementFees");

            migrationBuilder.DropTable(
                name: "BaseRates");

            migrationBuilder.DropTable(
                name: "InvoicePayments");

            migrationBuilder.DropTable(
                name: "PlacementAgreements");

            migrationBuilder.DropTable(
                name: "InvoiceLines");

            migrationBuilder.DropTable(
                name: "Invoices");
        }
    }
}
