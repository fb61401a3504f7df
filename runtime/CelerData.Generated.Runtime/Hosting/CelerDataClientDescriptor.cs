using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace CelerData.Generated.Runtime;

/// <summary>What the generator knows about a client: its name, default address, JSON context and token operation.</summary>
/// <typeparam name="TApi">The generated Refit interface.</typeparam>
public sealed class CelerDataClientDescriptor<TApi>
    where TApi : class
{
    /// <summary>The client's name, such as <c>CelerDataCloud</c>; names the HTTP clients and appears in log lines and errors.</summary>
    public required string Name { get; init; }

    /// <summary>The first server of the specification, used when <see cref="CelerDataClientOptions.BaseAddress"/> is not set.</summary>
    public required Uri DefaultBaseAddress { get; init; }

    /// <summary>The generated System.Text.Json context of the client's models.</summary>
    public required JsonSerializerContext JsonContext { get; init; }

    /// <summary>Calls the generated token operation and maps its model; <see langword="null"/> when the specification has none.</summary>
    public Func<TApi, CancellationToken, Task<TokenEndpointResponse>>? FetchToken { get; init; }

    /// <summary>
    /// The security requirement of each operation (<see cref="SecurityRequirement.Basic"/>,
    /// <see cref="SecurityRequirement.Bearer"/> or <see cref="SecurityRequirement.None"/>) by interface method name,
    /// as the generator read it from the specification. The handlers look a request up by the method name Refit
    /// records on it, so generated requests carry no extra option. A request option under
    /// <see cref="SecurityRequirement.Key"/> takes precedence (hand-written interfaces can set one with Refit's <c>[Property]</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string>? SecurityRequirements { get; init; }

    /// <summary>
    /// The specification's <c>apiKey</c> security schemes by name, as <see cref="SecurityRequirements"/> name them
    /// after <see cref="SecurityRequirement.ApiKeyPrefix"/>. Their keys come from <see cref="CelerDataClientOptions.ApiKeys"/>
    /// or <see cref="CelerDataClientOptions.ApiKey"/>.
    /// </summary>
    public IReadOnlyDictionary<string, CelerDataApiKeyScheme>? ApiKeySchemes { get; init; }

    /// <summary>
    /// The specification's <c>operationId</c> of each operation by interface method name. The runtime's spans record
    /// it as <c>celerdata.operation.id</c>; without it they record only the method name (<c>code.function.name</c>).
    /// </summary>
    public IReadOnlyDictionary<string, string>? OperationIds { get; init; }

    /// <summary>The token endpoint's allowance (<c>x-rate-limit-per-minute</c>); the client stays under it. 600 by default.</summary>
    public int TokenRequestsPerMinute { get; init; } = 600;

    internal string TokenClientName => Name + ".Token";

    /// <summary>Whether a client ID and secret serve anything: a token operation or an operation that sends Basic credentials.</summary>
    internal bool UsesClientCredentials =>
        FetchToken is not null
        || (SecurityRequirements is not null && SecurityRequirements.Values.Any(RequestSecurity.MentionsBasic));

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("The descriptor needs a name.", nameof(Name));
        }

        ArgumentNullException.ThrowIfNull(DefaultBaseAddress);
        ArgumentNullException.ThrowIfNull(JsonContext);
        if (!DefaultBaseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException("The default base address must be absolute.", nameof(DefaultBaseAddress));
        }

        if (TokenRequestsPerMinute <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TokenRequestsPerMinute), TokenRequestsPerMinute, "The token request rate must be positive.");
        }
    }
}
