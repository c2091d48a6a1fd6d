using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sandbox.Workflow.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CallResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParentInstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ParentElementInstanceKey = table.Column<long>(type: "INTEGER", nullable: false),
                    ChildInstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VariablesJson = table.Column<string>(type: "TEXT", nullable: true),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ErrorMessage = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TraceParent = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallResults", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Definitions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BpmnProcessId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: false),
                    DeployedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Definitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EServices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EServiceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DeclaredVersion = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    NamesJson = table.Column<string>(type: "TEXT", nullable: false),
                    DescriptionsJson = table.Column<string>(type: "TEXT", nullable: false),
                    StartForm = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    BpmnProcessId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ProcessVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    JobsJson = table.Column<string>(type: "TEXT", nullable: false),
                    VariablesJson = table.Column<string>(type: "TEXT", nullable: false),
                    FormsJson = table.Column<string>(type: "TEXT", nullable: false),
                    TemplatesJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EServices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "History",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ElementInstanceKey = table.Column<long>(type: "INTEGER", nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ElementType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_History", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Instances",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DefinitionId = table.Column<long>(type: "INTEGER", nullable: false),
                    BpmnProcessId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StateJson = table.Column<string>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CaseStatus = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SubmissionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    EServiceId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    EServiceVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    ParentInstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ParentElementInstanceKey = table.Column<long>(type: "INTEGER", nullable: true),
                    EventSequence = table.Column<long>(type: "INTEGER", nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Jobs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ElementInstanceKey = table.Column<long>(type: "INTEGER", nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Retries = table.Column<int>(type: "INTEGER", nullable: false),
                    HeadersJson = table.Column<string>(type: "TEXT", nullable: false),
                    AvailableAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Worker = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PushApp = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    PushMethod = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    TraceParent = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Jobs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessageDeliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageDeliveries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Messages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CorrelationKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    VariablesJson = table.Column<string>(type: "TEXT", nullable: true),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Messages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessageSubscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubscriptionKey = table.Column<long>(type: "INTEGER", nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    MessageName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CorrelationKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageSubscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SandboxClock",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    OffsetTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SandboxClock", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Timers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubscriptionKey = table.Column<long>(type: "INTEGER", nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TraceParent = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Timers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserTasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Tenant = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ElementInstanceKey = table.Column<long>(type: "INTEGER", nullable: false),
                    ElementId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    FormKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FormId = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Assignee = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CandidateGroups = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    CandidateUsers = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    DueDate = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RowVersion = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserTasks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InstanceId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    PayloadJson = table.Column<string>(type: "TEXT", nullable: false),
                    TaskId = table.Column<long>(type: "INTEGER", nullable: true),
                    TraceParent = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outbox", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outbox_UserTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "UserTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "SandboxClock",
                columns: new[] { "Id", "ChangedAt", "ChangedBy", "OffsetTicks" },
                values: new object[] { 1, null, null, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_CallResults_LeaseOwner",
                table: "CallResults",
                column: "LeaseOwner");

            migrationBuilder.CreateIndex(
                name: "IX_CallResults_State_LeaseUntil",
                table: "CallResults",
                columns: new[] { "State", "LeaseUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Definitions_Tenant_BpmnProcessId_Version",
                table: "Definitions",
                columns: new[] { "Tenant", "BpmnProcessId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EServices_Tenant_EServiceId_Version",
                table: "EServices",
                columns: new[] { "Tenant", "EServiceId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EServices_Tenant_StartForm_Status",
                table: "EServices",
                columns: new[] { "Tenant", "StartForm", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_History_InstanceId",
                table: "History",
                column: "InstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_DefinitionId",
                table: "Instances",
                column: "DefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_Instances_ParentInstanceId_ParentElementInstanceKey",
                table: "Instances",
                columns: new[] { "ParentInstanceId", "ParentElementInstanceKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_Tenant_Status",
                table: "Instances",
                columns: new[] { "Tenant", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_Tenant_Subject",
                table: "Instances",
                columns: new[] { "Tenant", "Subject" });

            migrationBuilder.CreateIndex(
                name: "IX_Instances_Tenant_SubmissionId",
                table: "Instances",
                columns: new[] { "Tenant", "SubmissionId" },
                unique: true,
                filter: "\"ParentInstanceId\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_InstanceId_ElementInstanceKey",
                table: "Jobs",
                columns: new[] { "InstanceId", "ElementInstanceKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_State_PushApp",
                table: "Jobs",
                columns: new[] { "State", "PushApp" });

            migrationBuilder.CreateIndex(
                name: "IX_Jobs_Tenant_Type_State",
                table: "Jobs",
                columns: new[] { "Tenant", "Type", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageDeliveries_MessageId_InstanceId",
                table: "MessageDeliveries",
                columns: new[] { "MessageId", "InstanceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Messages_ExpiresAt",
                table: "Messages",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_Tenant_Name_CorrelationKey",
                table: "Messages",
                columns: new[] { "Tenant", "Name", "CorrelationKey" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageSubscriptions_InstanceId_SubscriptionKey",
                table: "MessageSubscriptions",
                columns: new[] { "InstanceId", "SubscriptionKey" });

            migrationBuilder.CreateIndex(
                name: "IX_MessageSubscriptions_Tenant_MessageName_CorrelationKey_State",
                table: "MessageSubscriptions",
                columns: new[] { "Tenant", "MessageName", "CorrelationKey", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_InstanceId_Sequence",
                table: "Outbox",
                columns: new[] { "InstanceId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_LeaseOwner",
                table: "Outbox",
                column: "LeaseOwner");

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_PublishedAt_NextAttemptAt",
                table: "Outbox",
                columns: new[] { "PublishedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_TaskId",
                table: "Outbox",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_Timers_InstanceId_SubscriptionKey",
                table: "Timers",
                columns: new[] { "InstanceId", "SubscriptionKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Timers_LeaseOwner",
                table: "Timers",
                column: "LeaseOwner");

            migrationBuilder.CreateIndex(
                name: "IX_Timers_State_DueAt",
                table: "Timers",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_InstanceId_ElementInstanceKey",
                table: "UserTasks",
                columns: new[] { "InstanceId", "ElementInstanceKey" });

            migrationBuilder.CreateIndex(
                name: "IX_UserTasks_Tenant_State",
                table: "UserTasks",
                columns: new[] { "Tenant", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallResults");

            migrationBuilder.DropTable(
                name: "Definitions");

            migrationBuilder.DropTable(
                name: "EServices");

            migrationBuilder.DropTable(
                name: "History");

            migrationBuilder.DropTable(
                name: "Instances");

            migrationBuilder.DropTable(
                name: "Jobs");

            migrationBuilder.DropTable(
                name: "MessageDeliveries");

            migrationBuilder.DropTable(
                name: "Messages");

            migrationBuilder.DropTable(
                name: "MessageSubscriptions");

            migrationBuilder.DropTable(
                name: "Outbox");

            migrationBuilder.DropTable(
                name: "SandboxClock");

            migrationBuilder.DropTable(
                name: "Timers");

            migrationBuilder.DropTable(
                name: "UserTasks");
        }
    }
}
