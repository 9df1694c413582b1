//! `_statistics`: the native inverse of the normal distribution's CDF that
//! `statistics.NormalDist.inv_cdf` uses when it can (Wichura's algorithm
//! AS241, "The Percentage Points of the Normal Distribution", Applied
//! Statistics 37(3), 1988: rational approximations in three ranges of p).

use krait_runtime::object::Obj;
use krait_runtime::types::builtin_func::{add_functions, method};
use krait_runtime::types::{float, module, str as pystr, tuple};
use krait_runtime::{bail, PyResult};

// AS241's coefficients, highest power first (evaluated by Horner's rule in
// that order, as the pure-Python fallback does, so both give equal bits).
const CENTRAL_NUM: [f64; 8] = [
    2.509_080_928_730_122_672_7e3,
    3.343_057_558_358_812_810_5e4,
    6.726_577_092_700_870_085_3e4,
    4.592_195_393_154_987_145_7e4,
    1.373_169_376_550_946_112_5e4,
    1.971_590_950_306_551_442_7e3,
    1.331_416_678_917_843_774_5e2,
    3.387_132_872_796_366_608_0e0,
];
const CENTRAL_DEN: [f64; 8] = [
    5.226_495_278_852_854_561_0e3,
    2.872_908_573_572_194_267_4e4,
    3.930_789_580_009_271_061_0e4,
    2.121_379_430_158_659_586_7e4,
    5.394_196_021_424_751_107_7e3,
    6.871_870_074_920_579_083_0e2,
    4.231_333_070_160_091_125_2e1,
    1.0,
];
const NEAR_NUM: [f64; 8] = [
    7.745_450_142_783_414_076_40e-4,
    2.272_384_498_926_918_458_33e-2,
    2.417_807_251_774_506_117_70e-1,
    1.270_458_252_452_368_382_58e0,
    3.647_848_324_763_204_605_04e0,
    5.769_497_221_460_691_405_50e0,
    4.630_337_846_156_545_295_90e0,
    1.423_437_110_749_683_577_34e0,
];
const NEAR_DEN: [f64; 8] = [
    1.050_750_071_644_416_843_24e-9,
    5.475_938_084_995_344_946_00e-4,
    1.519_866_656_361_645_719_66e-2,
    1.481_039_764_274_800_745_90e-1,
    6.897_673_349_851_000_045_50e-1,
    1.676_384_830_183_803_849_40e0,
    2.053_191_626_637_758_821_87e0,
    1.0,
];
const TAIL_NUM: [f64; 8] = [
    2.010_334_399_292_288_132_65e-7,
    2.711_555_568_743_487_578_15e-5,
    1.242_660_947_388_078_438_60e-3,
    2.653_218_952_657_612_309_30e-2,
    2.965_605_718_285_048_912_30e-1,
    1.784_826_539_917_291_335_80e0,
    5.463_784_911_164_114_369_90e0,
    6.657_904_643_501_103_777_20e0,
];
const TAIL_DEN: [f64; 8] = [
    2.044_263_103_389_939_785_64e-15,
    1.421_511_758_316_445_888_70e-7,
    1.846_318_317_510_054_681_80e-5,
    7.868_691_311_456_132_591_00e-4,
    1.487_536_129_085_061_485_25e-2,
    1.369_298_809_227_358_053_10e-1,
    5.998_322_065_558_879_376_90e-1,
    1.0,
];

fn horner(c: &[f64; 8], r: f64) -> f64 {
    c[1..].iter().fold(c[0], |acc, k| acc * r + k)
}

/// The standard normal quantile of `p`, for 0 < p < 1.
fn quantile(p: f64) -> f64 {
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180625 - q * q;
        return horner(&CENTRAL_NUM, r) * q / horner(&CENTRAL_DEN, r);
    }
    let r = (-(if q <= 0.0 { p } else { 1.0 - p }).ln()).sqrt();
    let x = if r <= 5.0 {
        let r = r - 1.6;
        horner(&NEAR_NUM, r) / horner(&NEAR_DEN, r)
    } else {
        let r = r - 5.0;
        horner(&TAIL_NUM, r) / horner(&TAIL_DEN, r)
    };
    if q < 0.0 {
        -x
    } else {
        x
    }
}

/// `_normal_dist_inv_cdf(p, mu, sigma, /)`.
fn f_normal_dist_inv_cdf(_m: &Obj, args: &[Obj], kw: Option<&Obj>) -> PyResult<Obj> {
    if kw.is_some_and(|k| tuple::len(k) > 0) {
        bail!(TypeError, "_statistics._normal_dist_inv_cdf() takes no keyword arguments");
    }
    if args.len() != 3 {
        bail!(TypeError, "_normal_dist_inv_cdf expected 3 arguments, got {}", args.len());
    }
    let p = float::as_f64(&args[0])?;
    let mu = float::as_f64(&args[1])?;
    let sigma = float::as_f64(&args[2])?;
    // A NaN p gets through (and a NaN back), as in CPython.
    if p <= 0.0 || p >= 1.0 || sigma <= 0.0 {
        bail!(ValueError, "inv_cdf undefined for these parameters");
    }
    Ok(float::from_f64(mu + quantile(p) * sigma))
}

pub fn create() -> PyResult<Obj> {
    let m = module::new("_statistics")?;
    let d = module::dict_of(&m);
    add_functions(&d, &m, &[method("_normal_dist_inv_cdf", f_normal_dist_inv_cdf).with_doc("_normal_dist_inv_cdf($module, p, mu, sigma, /)\n--\n\n")])?;
    krait_runtime::types::dict::set_item_str(&d, "__doc__", &pystr::new("Native helpers of the statistics module."))?;
    Ok(m)
}
