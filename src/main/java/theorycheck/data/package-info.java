/**
 * Problem generators. Every generator takes an explicit {@link theorycheck.data.Rng}; nothing
 * here owns a global random source, so an instance is reproducible from its seed alone.
 */
package theorycheck.data;
