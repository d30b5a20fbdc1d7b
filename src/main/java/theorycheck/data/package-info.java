/**
 * Problem generators: Gaussian regression designs (also with a prescribed covariance spectrum,
 * {@link theorycheck.data.SpikedCovariance}), separable and non-separable classification
 * data (planted margin, shifted Gaussians, XOR, spiral, low intrinsic dimension), and the LP
 * certificate ({@link theorycheck.data.SeparabilityCertificate}, ojAlgo) that says whether a data set
 * is separable through the origin; and Fashion-MNIST, read from Debian's gzip IDX files by our own
 * loader ({@link theorycheck.data.FashionMnist}, {@link theorycheck.data.IdxFile}). Every generator takes an explicit {@link theorycheck.data.Rng};
 * Symmetric Gaussian matrix sensing of a low-rank PSD X* ({@link theorycheck.data.MatrixSensing}).
 * nothing here owns a global random source, so an instance is reproducible from its seed alone.
 */
package theorycheck.data;
