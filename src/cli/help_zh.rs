//! The command line's help in Chinese: every command's and argument's text,
//! keyed by its path (`parse`, `parse.encoding`), put in place of the English
//! after clap has built the command tree (so its own `--help`, `--version`
//! and `help` are translated too).

use clap::Command;

/// Chinese help texts by path: a command (`validate`), one of its arguments
/// (`validate.format`), or a nested command (`law import`).
const HELP: &[(&str, &str)] = &[
    ("qingdan", "把权责清单文件转为规范的 YAML 清单，并检查清单"),
    ("qingdan.color", "何时使用颜色：auto（标准错误是终端且未设 NO_COLOR 时，默认）、always、never"),
    ("qingdan.quiet", "只显示错误"),
    ("qingdan.verbose", "同时显示每一处修复的说明"),
    ("qingdan.lang", "消息和帮助的语言：zh 或 en（默认按 LC_ALL、LC_MESSAGES 或 LANG）"),
    ("qingdan.threads", "parse --out-dir、validate 与 fmt 同时处理的文件数（默认每核一个）"),
    ("parse", "把清单文件（提取的文字、xlsx/xls/ods 工作簿或 CSV）解析为规范的 YAML 清单"),
    ("parse.files", "清单文件：提取的文字、工作簿（.xlsx .xls .xlsb .ods）或 CSV；`-` 读标准输入"),
    ("parse.output", "把 YAML 写入此文件而不是标准输出（仅限一个输入）"),
    ("parse.out_dir", "为每个输入在此目录中写一个 `<stem>.yaml`"),
    ("parse.encoding", "按此编码解码输入（utf-8、gbk、gb18030、utf-16le……），不自动识别"),
    (
        "parse.format",
        "标准错误上的诊断格式：human（图形，显示源行，默认）、concise（每条一行）、json、github（GitHub Actions 注释）、sarif（SARIF 2.1.0）",
    ),
    ("parse.schema", "`# yaml-language-server` 行中 JSON Schema 的 URL 或路径（默认取 qingdan.toml 的 schema，否则最近的 qingdan.schema.json）"),
    ("parse.max_input_bytes", "拒绝大于此字节数的输入（默认 67108864，即 64 MiB）"),
    ("validate", "检查清单文件：编码、类型、引用、结构和文字"),
    ("validate.paths", "清单文件或目录（遍历其中的 *.yaml 和 *.yml，遵循 .gitignore）；`-` 读标准输入；默认当前目录"),
    (
        "validate.format",
        "输出格式：human（图形，显示源行）、concise（每条一行）、json、github（GitHub Actions 注释；设有 GITHUB_ACTIONS 时为默认）、sarif（SARIF 2.1.0）",
    ),
    ("validate.select", "只运行这些规则（代码、代码前缀如 QD3，或名称），以逗号分隔"),
    ("validate.ignore", "不运行这些规则，以逗号分隔"),
    ("validate.profile", "使用的编码配置（shandong、gansu，或配置目录中的一个）"),
    ("validate.config", "配置文件，代替最近的 qingdan.toml"),
    ("validate.max_diagnostics", "报告这么多条诊断后停止"),
    ("validate.strict", "有警告时也以 1 退出"),
    ("validate.exit_zero", "总是以 0 退出（命令本身失败时除外）"),
    ("fmt", "把清单文件改写为规范形式，并应用可修复规则的修复"),
    ("fmt.paths", "清单文件或目录（遍历其中的 *.yaml 和 *.yml）；`-` 把标准输入格式化到标准输出；默认当前目录"),
    ("fmt.check", "不做改动；有文件需要改动时以 1 退出"),
    ("fmt.diff", "不做改动；以统一差异格式显示将做的改动"),
    ("fmt.select", "只应用这些规则的修复（代码或名称），以逗号分隔"),
    ("fmt.ignore", "不应用这些规则的修复，以逗号分隔"),
    ("fmt.schema", "为没有 `# yaml-language-server` 行的清单写入的 JSON Schema 的 URL 或路径（默认取 qingdan.toml 的 schema，否则最近的 qingdan.schema.json）"),
    ("fmt.config", "配置文件，代替最近的 qingdan.toml"),
    ("diff", "显示一份清单（或两个清单目录）两个版本之间的变化"),
    ("diff.old", "旧清单（文件，或按文件名配对清单的目录）"),
    ("diff.new", "新清单或目录"),
    ("diff.git_rest", "作为 git 外部差异程序运行时 git 传入的其余参数（path old-file old-hex old-mode new-file new-hex new-mode）"),
    ("diff.format", "输出格式：human（按事项分组，终端上着色，默认）、markdown（用于拉取请求评论）、json"),
    ("diff.stat", "只显示计数"),
    ("diff.shared", "只看两份清单都有的事项（按编码或名称配对）：略去新增和删除的事项"),
    ("diff.git_external", "作为 git 的外部差异程序运行：参数是 git 的七个参数，只要清单能读取，退出码就是 0"),
    ("export", "把清单写成表格（xlsx 或 CSV），每个事项的每个实施层级一行"),
    ("export.list", "要导出的清单；`-` 读标准输入"),
    (
        "export.to",
        "表格格式：xlsx（Excel 工作簿，每个分表一个工作表，冻结表头，自动换行）、csv（UTF-8，带字节顺序标记）；默认按输出文件的扩展名，否则 xlsx",
    ),
    ("export.output", "输出文件（`-` 为标准输出）；默认为清单文件名换上格式的扩展名"),
    ("rule", "解释一条规则（`qingdan rule QD201`），或列出全部规则（`--list`）"),
    ("rule.rule", "规则的代码（QD201）或名称（code-length）"),
    ("rule.list", "列出全部规则"),
    ("law", "管理法规库"),
    ("law import", "把一部法规的全文转为法规库条目（TOML），按条拆分并编号"),
    ("law import.file", "法规全文（UTF-8、GBK……）"),
    ("law import.output", "把条目写入此文件而不是标准输出"),
    ("schema", "输出清单格式的 JSON Schema"),
    ("completions", "输出 shell 补全脚本（bash、zsh、fish、powershell、elvish）"),
    ("completions.shell", "shell：bash、zsh、fish、powershell、elvish"),
    ("man", "输出 man 手册页（roff）：`qingdan man > qingdan.1`"),
];

/// The examples shown after the top-level help.
pub const EXAMPLES_ZH: &str = "\
示例：
  qingdan parse list.txt                                  YAML 写到标准输出，警告写到标准错误
  qingdan parse list.txt -o list.yaml                     把清单写入文件
  qingdan parse *.txt --out-dir lists/                    每个输入写一个 <stem>.yaml
  qingdan parse list.xlsx                                 读取发布的表格
  qingdan parse --encoding gbk old.txt                    指定编码，不自动识别
  qingdan validate lists/                                 检查 lists/ 下的每份清单
  qingdan validate --format sarif lists/ > out.sarif      输出 SARIF 2.1.0，用于代码扫描
  qingdan fmt --check lists/                              CI：清单不规范时失败
  qingdan diff old/list.yaml new/list.yaml                逐个事项显示变化
  qingdan export list.yaml --to xlsx                      把清单导出为 Excel 工作簿
  qingdan rule QD201                                      规则查什么，附示例
  qingdan law import regulation.txt -o laws/x.toml        把一部法规加入法规库
  qingdan schema > qingdan.schema.json                    清单格式的 JSON Schema";

fn lookup(key: &str) -> Option<&'static str> {
    HELP.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The command tree with its help in Chinese. `cmd` must not be built yet.
pub fn localize(mut cmd: Command) -> Command {
    cmd.build();
    localize_built(cmd, "qingdan")
}

fn localize_built(mut cmd: Command, path: &str) -> Command {
    if let Some(about) = lookup(path) {
        cmd = cmd.about(about).long_about(None);
    }
    if path == "qingdan" {
        cmd = cmd.after_help(EXAMPLES_ZH);
    }
    let ids: Vec<(String, bool)> = cmd.get_arguments().map(|a| (a.get_id().to_string(), a.is_positional())).collect();
    for (id, positional) in ids {
        let key = format!("{path}.{id}");
        let text = match id.as_str() {
            "help" => Some("显示帮助"),
            "version" => Some("显示版本"),
            // Global options are copied into every command: their text is the top level's.
            _ => lookup(&key).or_else(|| lookup(&format!("qingdan.{id}"))),
        };
        cmd = cmd.mut_arg(&id, |a| {
            let a = a.help_heading(if positional { "参数" } else { "选项" });
            match text {
                Some(t) => a.help(t).long_help(None).hide_possible_values(true).hide_default_value(true),
                None => a,
            }
        });
    }
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    for name in names {
        let child = if path == "qingdan" { name.clone() } else { format!("{path} {name}") };
        cmd = cmd.mut_subcommand(&name, |sub| {
            if name == "help" {
                sub.about("显示帮助，或某个子命令的帮助").help_template(TEMPLATE)
            } else {
                localize_built(sub, &child)
            }
        });
    }
    cmd.subcommand_help_heading("命令").help_template(TEMPLATE)
}

const TEMPLATE: &str = "{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}";

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// Every key the command tree has: its commands and their arguments (for the test that each has Chinese).
    fn keys(cmd: &Command) -> Vec<String> {
        fn walk(cmd: &Command, path: &str, out: &mut Vec<String>) {
            out.push(path.to_owned());
            for arg in cmd.get_arguments() {
                out.push(format!("{path}.{}", arg.get_id()));
            }
            for sub in cmd.get_subcommands() {
                let child =
                    if path == "qingdan" { sub.get_name().to_owned() } else { format!("{path} {}", sub.get_name()) };
                walk(sub, &child, out);
            }
        }
        let mut out = Vec::new();
        walk(cmd, "qingdan", &mut out);
        out
    }

    #[test]
    fn every_command_and_argument_has_chinese_help() {
        let cmd = super::super::Cli::command();
        let missing: Vec<String> = keys(&cmd).into_iter().filter(|k| lookup(k).is_none()).collect();
        assert!(missing.is_empty(), "no Chinese help for:\n{}", missing.join("\n"));
    }
}
