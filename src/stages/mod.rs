//! The text stages, in order: each a free function over the previous one's output,
//! none importing a later stage.
//!
//! 1. [`classify`]: what each line is (display, body, credit, furniture, …);
//! 2. [`assemble`]: broken lines joined into blocks, jump markers taken out;
//! 3. [`segment`]: blocks into articles (headline groups read by
//!    [`crate::rules::headline`], credits by [`crate::rules::byline`]);
//! 4. [`dedup`]: duplicate and near-duplicate blocks removed;
//! 5. [`normalize`]: white space, punctuation ([`crate::rules::punct`]) and script
//!    ([`crate::convert`]);
//! 6. [`warn`]: what looks damaged.

pub mod assemble;
pub mod classify;
pub mod dedup;
pub mod limits;
pub mod normalize;
pub mod segment;
pub mod warn;
