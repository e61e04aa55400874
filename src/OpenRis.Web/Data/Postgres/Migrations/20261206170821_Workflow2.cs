using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenRis.Web.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Workflow2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LateDecision",
                table: "Papers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LateDecisionReason",
                table: "Papers",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommitmentReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommitmentId = table.Column<long>(type: "bigint", nullable: false),
                    MeetingId = table.Column<long>(type: "bigint", nullable: false),
                    PaperId = table.Column<long>(type: "bigint", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentReports_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommitmentReports_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CommitmentReports_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentReports_CommitmentId_MeetingId",
                table: "CommitmentReports",
                columns: new[] { "CommitmentId", "MeetingId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentReports_MeetingId",
                table: "CommitmentReports",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentReports_PaperId",
                table: "CommitmentReports",
                column: "PaperId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommitmentReports");

            migrationBuilder.DropColumn(
                name: "LateDecision",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "LateDecisionReason",
                table: "Papers");
        }
    }
}
