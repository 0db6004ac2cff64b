using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Placements.Migrations.Postgres.Finance
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    BasisPoints = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BaseRates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Invoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProviderId = table.Column<int>(type: "integer", nullable: false),
                    ProviderReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    InvoiceDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    CreditsInvoiceId = table.Column<int>(type: "integer", nullable: true),
                    DeadlineFlag = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DeadlineCheckedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InterestPaid = table.Column<long>(type: "bigint", nullable: true),
                    InterestPaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    InterestRecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Invoices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlacementAgreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PlacementId = table.Column<int>(type: "integer", nullable: false),
                    PlacementReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProviderId = table.Column<int>(type: "integer", nullable: false),
                    ProviderReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Invoicing = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TermSplit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    FeesPayableDuringAbsence = table.Column<bool>(type: "boolean", nullable: false),
                    NoticePeriod = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FeeReviewDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PaymentTermDays = table.Column<int>(type: "integer", nullable: false),
                    ContractReference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlacementAgreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InvoiceLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<int>(type: "integer", nullable: false),
                    LineNumber = table.Column<int>(type: "integer", nullable: false),
                    PlacementId = table.Column<int>(type: "integer", nullable: false),
                    PlacementReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChildReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ChildInitials = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    CreditsLineId = table.Column<long>(type: "bigint", nullable: true),
                    DuplicateOverrideReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    AgreementId = table.Column<int>(type: "integer", nullable: true),
                    Expected = table.Column<long>(type: "bigint", nullable: true),
                    NetInvoiced = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    QueryReason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    ApprovedAmount = table.Column<long>(type: "bigint", nullable: true),
                    ApprovedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovalNote = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    PaidOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PaidInRunId = table.Column<int>(type: "integer", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AnnualAmount = table.Column<long>(type: "bigint", nullable: false),
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    Basis = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AnnualAmount = table.Column<long>(type: "bigint", nullable: false),
                    DailyRate = table.Column<long>(type: "bigint", nullable: true),
                    Days = table.Column<int>(type: "integer", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PaymentRunId = table.Column<int>(type: "integer", nullable: false),
                    InvoiceLineId = table.Column<long>(type: "bigint", nullable: false),
                    PlacementId = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false)
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
