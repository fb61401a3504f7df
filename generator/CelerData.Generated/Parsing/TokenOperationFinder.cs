using System.Collections.Generic;
using System.Linq;
using CelerData.Generated.Model;

namespace CelerData.Generated.Parsing;

/// <summary>
/// Finds the operation the runtime calls for access tokens: one secured by HTTP Basic, taking no
/// arguments, whose JSON response has <c>access_token</c> and <c>expires_in</c>. It reads the model only.
/// </summary>
internal static class TokenOperationFinder
{
    public static TokenOperationModel? Find(IReadOnlyList<OperationModel> operations, IReadOnlyList<TypeModel> types)
    {
        foreach (var operation in operations)
        {
            // Its first alternative must be Basic alone (the spec may list others after it).
            if (!operation.Security.StartsWithBasicAlone || operation.Parameters.Count != 0 || operation.ResponseKind != ResponseKind.Json
                || operation.ResponseType is not { Kind: TypeRefKind.Model } responseType)
            {
                continue;
            }

            var model = types.FirstOrDefault(t => t.Name == responseType.Name);
            var accessToken = model?.Properties.FirstOrDefault(p => p.WireName == "access_token" && p.Type.Primitive == PrimitiveKind.String);
            var expiresIn = model?.Properties.FirstOrDefault(p => p.WireName == "expires_in" && p.Type.Primitive is PrimitiveKind.Int32 or PrimitiveKind.Int64);
            if (accessToken is null || expiresIn is null)
            {
                continue;
            }

            var refreshToken = model!.Properties.FirstOrDefault(p => p.WireName == "refresh_token" && p.Type.Primitive == PrimitiveKind.String);
            var tokenType = model.Properties.FirstOrDefault(p => p.WireName == "token_type" && p.Type.Primitive == PrimitiveKind.String);
            return new TokenOperationModel(
                operation.MethodName,
                accessToken.Name,
                expiresIn.Name,
                refreshToken?.Name,
                tokenType?.Name,
                operation.RequestsPerMinute);
        }

        return null;
    }
}
