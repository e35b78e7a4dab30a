//! Codes: shape, region, check characters, and agreement with the type,
//! level and department printed beside them.

mod code_checksum;
mod code_length;
mod code_level_mismatch;
mod code_region;
mod department_code;
mod type_code_mismatch;

pub use code_checksum::{org_code_check, uscc_check};

use super::Rule;

pub(super) fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(code_length::CodeLength),
        Box::new(code_region::CodeRegion),
        Box::new(code_checksum::CodeChecksum),
        Box::new(type_code_mismatch::TypeCodeMismatch),
        Box::new(code_level_mismatch::CodeLevelMismatch),
        Box::new(department_code::DepartmentCode),
    ]
}
