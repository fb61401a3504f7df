
#nullable enable annotations
#nullable disable warnings
#pragma warning disable CS0612, CS0618

namespace CelerData.Generated.Tests.HandWritten
{
	/// <summary>
	/// Features API
	/// Exercises every construct the generator supports.
	/// </summary>
	[global::System.CodeDom.Compiler.GeneratedCodeAttribute("CelerData.Generated", "0.1.0")]
	public partial interface IFeaturesApi
	{
		/// <summary>POST /token</summary>
		/// <remarks>
		/// <para>Sends <c>POST /token?grant_type=client_credentials</c>; security: basic.</para>
		/// </remarks>
		/// <param name="cancellationToken">Cancels the request.</param>
		[global::Refit.Post("/token?grant_type=client_credentials")]
		global::System.Threading.Tasks.Task<global::CelerData.Generated.Tests.HandWritten.Token> IssueTokenAsync(global::System.Threading.CancellationToken cancellationToken = default);

		/// <summary>List pets</summary>
		/// <remarks>
		/// <para>Sends <c>GET /pets</c>; security: bearer.</para>
		/// </remarks>
		/// <param name="limit">The 'limit' query parameter.</param>
		/// <param name="kind">The 'kind' query parameter.</param>
		/// <param name="tags">The 'tags' query parameter.</param>
		/// <param name="since">The 'since' query parameter.</param>
		/// <param name="xRequestId">The 'X-Request-Id' header parameter.</param>
		/// <param name="cancellationToken">Cancels the request.</param>
		[global::Refit.Get("/pets")]
		global::System.Threading.Tasks.Task<global::System.Collections.Generic.IReadOnlyList<global::CelerData.Generated.Tests.HandWritten.Pet>> ListPetsAsync([global::Refit.Query] int? @limit = default, [global::Refit.Query] global::CelerData.Generated.Tests.HandWritten.PetKind? @kind = default, [global::Refit.Query(global::Refit.CollectionFormat.Multi)] global::System.Collections.Generic.IReadOnlyList<string>? @tags = default, [global::Refit.Query] global::System.DateTimeOffset? @since = default, [global::Refit.Header("X-Request-Id")] global::System.Guid? @xRequestId = default, global::System.Threading.CancellationToken cancellationToken = default);

		/// <summary>POST /pets</summary>
		/// <remarks>
		/// <para>Sends <c>POST /pets</c>; security: bearer.</para>
		/// </remarks>
		/// <param name="body">The request body.</param>
		/// <param name="cancellationToken">Cancels the request.</param>
		[global::Refit.Post("/pets")]
		global::System.Threading.Tasks.Task<global::CelerData.Generated.Tests.HandWritten.Pet> CreatePetAsync([global::Refit.Body] global::CelerData.Generated.Tests.HandWritten.NewPet @body, global::System.Threading.CancellationToken cancellationToken = default);

		/// <summary>GET /pets/{petId}</summary>
		/// <remarks>
		/// <para>Sends <c>GET /pets/{petId}</c>; security: bearer.</para>
		/// </remarks>
		/// <param name="petId">The 'petId' path parameter.</param>
		/// <param name="cancellationToken">Cancels the request.</param>
		[global::Refit.Get("/pets/{petId}")]
		global::System.Threading.Tasks.Task<global::CelerData.Generated.Tests.HandWritten.Pet> GetPetAsync(long @petId, global::System.Threading.CancellationToken cancellationToken = default);

		/// <summary>DELETE /pets/{petId}</summary>
		/// <remarks>
		/// <para>Sends <c>DELETE /pets/{petId}</c>; security: bearer.</para>
		/// </remarks>
		/// <param name="petId">The 'petId' path parameter.</param>
		/// <param name="force">The 'force' query parameter.</param>
		/// <param name="cancellationToken">Cancels the request.</param>
		[global::System.Obsolete("Deprecated in the API description.")]
		[global::Refit.Delete("/pets/{petId}")]
		global::System.Threading.Tasks.Task DeletePetAsync(long @petId, [global::Refit.Query] bool? @force = default, global::System.Threading.CancellationToken cancellationToken = default);

		/// <summary>GET /pets/{petId}/notes/{noteKind}</summary>
		/// <remarks>
		/// <para>Sends <c>GET /pets/{petId}/notes/{noteKind}</c>; security: bearer.</para>
		/// </remarks>
		/// <param name="petId">The 'petId' path parameter.</param>
		/// <param name="noteKind">The 'noteKind' path parameter.</param>
		/// <param name="cancellationToken">Cancels the request.</param>
		[global::Refit.Get("/pets/{petId}/notes/{noteKind}")]
		global::System.Threading.Tasks.Task<string> ReadNotesAsync(long @petId, global::CelerData.Generated.Tests.HandWritten.PetKind @noteKind, global::System.Threading.CancellationToken cancellationToken = default);

		/// <summary>GET /public/health</summary>
		/// <remarks>
		/// <para>Sends <c>GET /public/health</c>; security: none.</para>
		/// </remarks>
		/// <param name="cancellationToken">Cancels the request.</param>
		[global::Refit.Get("/public/health")]
		global::System.Threading.Tasks.Task<global::CelerData.Generated.Tests.HandWritten.HealthResponse> HealthAsync(global::System.Threading.CancellationToken cancellationToken = default);
	}
}
