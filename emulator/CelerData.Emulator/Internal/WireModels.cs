using System.Collections.Generic;

namespace CelerData.Emulator.Internal;

internal sealed record AccessTokenResponse(string AccessToken, int ExpiresIn, string RefreshToken, string TokenType);

internal sealed record OAuthError(string Error, string ErrorDescription);

internal sealed record ErrorEnvelope(int Code, string Message);

internal sealed record ClusterListEnvelope(int Code, string Message, ClusterList Data);

internal sealed record ClusterList(int Total, IReadOnlyList<ClusterSummary> List);

internal sealed record ClusterSummary(string ClusterId, string ClusterName, string ClusterState);

internal sealed record ClusterStateEnvelope(int Code, string Message, ClusterStateData Data);

internal sealed record ClusterStateData(string ClusterState, string? AbnormalReason);
