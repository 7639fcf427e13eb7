mod entities;

use entities::prelude::*;
use sea_orm::EntityTrait;

fn main() {
    let query = Task::find().find_also_related(Project);
    let _ = query;
    println!("tasktrack");
}
