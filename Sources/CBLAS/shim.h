// Typed wrappers for OpenBLAS (Debian's libopenblas-dev): row-major single-precision products with
// plain int flags, so Swift never handles CBLAS's enums. Nothing else touches C.
#ifndef RBANK_CBLAS_SHIM_H
#define RBANK_CBLAS_SHIM_H
#include <cblas.h>

/// C[m×n] = alpha · op(A) · op(B) + beta · C, row-major; op transposes when the flag is non-zero.
static inline void rb_sgemm(int transposeA, int transposeB, int m, int n, int k, float alpha, const float *a,
                            int lda, const float *b, int ldb, float beta, float *c, int ldc) {
    cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

/// y[m] = alpha · A[m×n] · x + beta · y, row-major.
static inline void rb_sgemv(int m, int n, float alpha, const float *a, int lda, const float *x, float beta,
                            float *y) {
    cblas_sgemv(CblasRowMajor, CblasNoTrans, m, n, alpha, a, lda, x, 1, beta, y, 1);
}

/// The number of threads OpenBLAS uses.
static inline int rb_blas_threads(void) { return openblas_get_num_threads(); }

/// OpenBLAS's build description (version and the CPU kernel it picked).
static inline const char *rb_blas_config(void) { return openblas_get_config(); }
#endif
