using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Placements.Migrations.Sqlite.Finance
{
    /// <inheritdoc />
    public partial class AddJointResourcesPanel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PanelMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RechargeStatements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    PreparedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PreparedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Total = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RechargeStatements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChildReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChildInitials = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    ProviderReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EducationCost = table.Column<long>(type: "INTEGER", nullable: false),
                    CareCost = table.Column<long>(type: "INTEGER", nullable: false),
                    HealthCost = table.Column<long>(type: "INTEGER", nullable: false),
                    NeedsSummary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AskHealth = table.Column<bool>(type: "INTEGER", nullable: false),
                    AskSocialCare = table.Column<bool>(type: "INTEGER", nullable: false),
                    Documents = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewOverdueSince = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PanelMembersPresent",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PanelMeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMembersPresent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelMembersPresent_PanelMeetings_PanelMeetingId",
                        column: x => x.PanelMeetingId,
                        principalTable: "PanelMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RechargeLines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RechargeStatementId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ChildInitials = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    DaysFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    DaysTo = table.Column<DateOnly>(type: "date", nullable: false),
                    Paid = table.Column<long>(type: "INTEGER", nullable: false),
                    Split = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Share = table.Column<long>(type: "INTEGER", nullable: false),
                    S251Line = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RechargeLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RechargeLines_RechargeStatements_RechargeStatementId",
                        column: x => x.RechargeStatementId,
                        principalTable: "RechargeStatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RechargeReceipt",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RechargeStatementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RechargeReceipt", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RechargeReceipt_RechargeStatements_RechargeStatementId",
                        column: x => x.RechargeStatementId,
                        principalTable: "RechargeStatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReferralId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "date", nullable: true),
                    SupersedesId = table.Column<int>(type: "INTEGER", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SplitBasis = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AnnualCost = table.Column<long>(type: "INTEGER", nullable: false),
                    EducationPercent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: false),
                    HealthPercent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: false),
                    SocialCarePercent = table.Column<decimal>(type: "TEXT", precision: 7, scale: 4, nullable: false),
                    EducationSum = table.Column<long>(type: "INTEGER", nullable: false),
                    HealthSum = table.Column<long>(type: "INTEGER", nullable: false),
                    SocialCareSum = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelDecisions_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PanelDecisions_ReferralId_EffectiveFrom",
                table: "PanelDecisions",
                columns: new[] { "ReferralId", "EffectiveFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_PanelMembersPresent_PanelMeetingId",
                table: "PanelMembersPresent",
                column: "PanelMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_RechargeLines_RechargeStatementId",
                table: "RechargeLines",
                column: "RechargeStatementId");

            migrationBuilder.CreateIndex(
                name: "IX_RechargeReceipt_RechargeStatementId",
                table: "RechargeReceipt",
                column: "RechargeStatementId");

            migrationBuilder.CreateIndex(
                name: "IX_RechargeStatements_Partner_PeriodStart",
                table: "RechargeStatements",
                columns: new[] { "Partner", "PeriodStart" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_PlacementId",
                table: "Referrals",
                column: "PlacementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Reference",
                table: "Referrals",
                column: "Reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PanelDecisions");

            migrationBuilder.DropTable(
                name: "PanelMembersPresent");

            migrationBuilder.DropTable(
                name: "RechargeLines");

            migrationBuilder.DropTable(
                name: "RechargeReceipt");

            migrationBuilder.DropTable(
                name: "Referrals");

            migrationBuilder.DropTable(
                name: "PanelMeetings");

            migrationBuilder.DropTable(
                name: "RechargeStatements");
        }
    }
}
