//! Structure: fields, codes and 序号 as a list needs them.

mod duplicate_code;
mod empty_legal_basis;
mod missing_field;
mod missing_seq;
mod seq_order;
mod sub_code_parent;
mod unknown_type;

use super::Rule;

/// The type names a list may use: the national list and 公共服务.
pub use crate::model::ITEM_TYPES as KNOWN_TYPES;

pub(super) fn rules() -> Vec<Box<dyn Rule>> {
    vec![
        Box::new(missing_field::MissingField),
        Box::new(duplicate_code::DuplicateCode),
        Box::new(seq_order::SeqOrder),
        Box::new(missing_seq::MissingSeq),
        Box::new(empty_legal_basis::EmptyLegalBasis),
        Box::new(unknown_type::UnknownType),
        Box::new(sub_code_parent::SubCodeParent),
    ]
}
