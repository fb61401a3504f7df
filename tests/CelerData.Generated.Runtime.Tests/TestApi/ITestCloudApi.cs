using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Refit;

namespace CelerData.Generated.Runtime.Tests.TestApi;

/// <summary>
/// A hand-written stand-in for the generated <c>ICelerDataCloudApi</c>, built by Refit's own generator.
/// Each operation records its security requirement through a <see cref="PropertyAttribute"/> parameter
/// whose default is the requirement, which is what the generated implementation sets explicitly.
/// </summary>
public interface ITestCloudApi
{
    [Post("/api/1.0/token?grant_type=client_credentials")]
    Task<AccessToken> CreateAccessTokenAsync(
        [Property(SecurityRequirement.OptionName)] string security = SecurityRequirement.Basic,
        CancellationToken cancellationToken = default);

    [Get("/api/1.0/clusters")]
    Task<ClusterListResponse> ListClustersAsync(
        [Property(SecurityRequirement.OptionName)] string security = SecurityRequirement.Bearer,
        CancellationToken cancellationToken = default);

    [Post("/api/1.0/echo")]
    Task<ClusterListResponse> EchoAsync(
        [Body] EchoRequest body,
        [Property(SecurityRequirement.OptionName)] string security = SecurityRequirement.Bearer,
        CancellationToken cancellationToken = default);

    [Post("/api/1.0/upload")]
    Task<ClusterListResponse> UploadAsync(
        [Body] Stream body,
        [Property(SecurityRequirement.OptionName)] string security = SecurityRequirement.Bearer,
        CancellationToken cancellationToken = default);

    [Get("/api/1.0/public")]
    Task<ClusterListResponse> PublicAsync(
        [Property(SecurityRequirement.OptionName)] string security = SecurityRequirement.None,
        CancellationToken cancellationToken = default);

    [Get("/api/1.0/unmarked")]
    Task<ClusterListResponse> UnmarkedAsync(CancellationToken cancellationToken = default);
}
