using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace CelerData.Emulator.Internal;

internal sealed record AccessTokenResponse(string AccessToken, int ExpiresIn, string RefreshToken, string TokenType);

internal sealed record OAuthError(string Error, string ErrorDescription);

/// <summary>A failure envelope, or a success without <c>data</c>.</summary>
internal sealed record ErrorEnvelope(int Code, string Message);

/// <summary>A success envelope carrying <c>data</c>.</summary>
internal sealed record Envelope<T>(int Code, string Message, T Data);

internal sealed record ClusterList(int Total, IReadOnlyList<ClusterSummary> List);

internal sealed record ClusterSummary(string ClusterId, string ClusterName);

internal sealed record ClusterStateData(string ClusterState, string? AbnormalReason);

internal sealed record ActionData(string ActionId);

internal sealed record WarehouseList(int Total, IReadOnlyList<WarehouseData> List);

internal sealed record WarehouseData(string WarehouseId, string WarehouseName, int NodeCount, string State, bool IsDefault);

internal sealed record InfraActionStateData(
    string InfraActionState,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ErrMsg);

internal sealed record DailyUsage(
    string Usage,
    int Date,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? TimeStamp);

internal sealed record AccountUsage(
    string AccountId,
    string TotalUsage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DailyUsage>? Details);

internal sealed record ClusterUsage(
    string ClusterId,
    string ClusterName,
    string TotalUsage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DailyUsage>? Details);

internal sealed record OrganizationUsage(string TotalUsage, IReadOnlyList<AccountClusterUsage> Accounts);

internal sealed record AccountClusterUsage(string AccountId, string AccountName, string AccountEmail, string TotalUsage, IReadOnlyList<ClusterDailyUsage> Clusters);

internal sealed record ClusterDailyUsage(
    string ClusterId,
    string ClusterName,
    string TotalUsage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<DailyUsage>? DailyUsages);

internal sealed record BillsData(string AccountId, int BeginMonth, int EndMonth, IReadOnlyList<Bill> BillList);

internal sealed record Bill(
    string Period,
    string AccountId,
    string ChargeUsage,
    string ChargePrice,
    string BillState,
    string PayState,
    string PayMethod,
    IReadOnlyList<Payment> PayInfoDetails);

internal sealed record Payment(string PayMethod, string Amount, string Currency, string State);

internal sealed record AccountData(string AccountId, string AccountName, string Email, string State, bool IsRootAccount, long CreateAt);

internal sealed record DeploymentScriptsBody(IReadOnlyList<DeploymentScriptBody>? Scripts, bool? Parallel, int? Timeout);

internal sealed record DeploymentScriptBody(string? ScriptPath, string? LogsDir);

internal sealed record ScaleSizeBody(string? VmCate, int? Iops, int? Throughput, int? VmVolSize, int? VmVolNum);

internal sealed record ScaleNumBody(int? VmNum);

internal sealed record OrganizationUsageBody(IReadOnlyList<string>? AccountIds, string? StartDate, string? EndDate, bool? ShowDailyDetail);
