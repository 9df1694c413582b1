//! Where the compiler's text ranges point. A tree the parser built from
//! source text has ranges that are byte offsets into that text; a tree built
//! from `ast` node objects (compile() of an AST) has no text: each node's
//! start and end offsets index a table of points that hold the node's own
//! line and column numbers, so code compiled from it reports those.

use krait_bytecode::{Constant, Location};
use ruff_source_file::LineIndex;
use ruff_text_size::{TextRange, TextSize};
use std::collections::HashMap;

/// A position as the `ast` module gives it: a 1-based line and a 0-based
/// UTF-8 byte column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Point {
    pub line: u32,
    pub col: u32,
}

/// A tree built outside the parser: the points its ranges index, and the
/// values of constants its literal nodes cannot hold (negative numbers,
/// tuples and frozensets, strings with lone surrogates), keyed by the
/// literal node's range start.
#[derive(Clone, Debug, Default)]
pub struct PointTable {
    pub points: Vec<Point>,
    pub constants: HashMap<u32, Constant>,
}

impl PointTable {
    /// A fresh offset that stands for `p`.
    pub fn add(&mut self, p: Point) -> TextSize {
        self.points.push(p);
        TextSize::from((self.points.len() - 1) as u32)
    }
}

pub(crate) enum Positions<'a> {
    Text { source: &'a str, index: LineIndex },
    Points(&'a PointTable),
}

impl<'a> Positions<'a> {
    pub(crate) fn text(source: &'a str) -> Self {
        Positions::Text { source, index: LineIndex::from_source_text(source) }
    }

    /// The source text, when the tree came from one.
    pub(crate) fn source(&self) -> Option<&'a str> {
        match self {
            Positions::Text { source, .. } => Some(source),
            Positions::Points(_) => None,
        }
    }

    pub(crate) fn location(&self, r: TextRange) -> Location {
        match self {
            Positions::Text { source, index } => {
                let s = index.line_column(r.start(), source);
                let e = index.line_column(r.end(), source);
                let ls = index.line_start(s.line, source);
                let le = index.line_start(e.line, source);
                Location {
                    line: s.line.get() as u32,
                    end_line: e.line.get() as u32,
                    col: (r.start() - ls).to_u32(),
                    end_col: (r.end() - le).to_u32(),
                }
            }
            Positions::Points(t) => {
                let s = t.points.get(r.start().to_usize()).copied().unwrap_or_default();
                let e = t.points.get(r.end().to_usize()).copied().unwrap_or(s);
                Location { line: s.line, end_line: e.line, col: s.col, end_col: e.col }
            }
        }
    }

    pub(crate) fn line_of(&self, r: TextRange) -> u32 {
        match self {
            Positions::Text { index, .. } => index.line_index(r.start()).get() as u32,
            Positions::Points(t) => t.points.get(r.start().to_usize()).map(|p| p.line).unwrap_or(0),
        }
    }

    /// The constant given for a literal node outside the parser.
    pub(crate) fn constant_override(&self, r: TextRange) -> Option<&'a Constant> {
        match self {
            Positions::Text { .. } => None,
            Positions::Points(t) => t.constants.get(&r.start().to_u32()),
        }
    }
}
