/** `juesuan --help`. */
export const HELP = `决算工作站 命令行工具

用法：
  juesuan unit add --db 文件 --code 单位编码 --name 单位名称 --kind 单位类型 [--parent 上级单位编码]
        单位类型：行政单位、参照公务员法管理的事业单位、其他事业单位
  juesuan unit list --db 文件
  juesuan set --db 文件 --unit 单位编码 --year 年度 表 行 列 金额
        金额以“元”为单位，如 1660834.72；人数、辆数等填整数；空字符串 "" 清除该单元格。
        科目表中尚未添加的科目（项）会先自动添加。
  juesuan show --db 文件 --unit 单位编码 --year 年度 [--table 表] [--json]
        显示各表全部单元格（录入数与计算数）；--json 以 JSON 输出，金额为以“元”为单位的文本。
  juesuan export-json --db 文件 --unit 单位编码 --year 年度 --out 报表文件.json
  juesuan import-json --db 文件 报表文件.json [--update-unit]
        导入报表文件：先检查全部内容，无误后一次性替换该单位该年度的报表。
        文件中的单位名称、类型与数据库不同时拒绝导入并列出不同之处；--update-unit 按文件修改单位。
  juesuan audit --db 文件 --unit 单位编码|--dept 部门编码 --year 年度 [--json]
        列出全部未通过的审核规则（编号、级别、说明、单元格、出错说明）；
        没有“强制”规则未通过时退出码为 0，否则为 1。
  juesuan export-xlsx --db 文件 --unit 单位编码 --year 年度 --out 文件.xlsx [--wan] [--blank-zeros] [--draft]
        导出公开表工作簿：--wan 以万元为单位，--blank-zeros 零值留空。
        有强制审核规则未通过时拒绝导出；--draft 导出封面注明“不得报送”的核对稿。
  juesuan import-xlsx --db 文件 --unit 单位编码 --year 年度 文件.xlsx [--dry-run] [--partial] [--use-sheet 表=工作表]
  juesuan catalogue import --db 文件 科目.xlsx|科目.csv --year 年度 [--dry-run]
        导入财政局下发的工作簿；先列出将要发生的变化，--dry-run 只列出不写入。
        文件中有不能读取的表或单元格时拒绝导入；--partial 只导入能读取的部分（其余保留原数）。
        多张工作表是同一张表时拒绝导入；--use-sheet T09=公开09表 指定使用哪一张（可重复）。
        上一年度的工作簿导入到上一年度，即成为本年度的上年数。
  juesuan narrative --db 文件 --unit 单位编码 --year 年度 --out 文件.txt|文件.docx [--wan] [--nonzero]
      [--percent 100%|100.00%] [--zero-amount 0元|0.00元] [--thousands yes|no] [--allow-unfilled]
        生成情况说明：--wan 以万元为单位，--nonzero 只列非零项目；--percent、--zero-amount、--thousands 为本次导出的数字写法。
        还有未填写的«…»时拒绝导出并列出；--allow-unfilled 仍然导出草稿。
  juesuan perf-report --db 文件 --unit 单位编码 --year 年度 --out 文件.docx|文件.txt [--outline hunan|yunnan] [--allow-unfilled]
        生成部门整体支出绩效自评报告（hunan：湖南格式，万元；yunnan：云南“部门绩效自评情况”），数字取自报表和项目库。
        --out 文件.xlsx [--wan] 导出部门整体和各项目的绩效自评表（公开格式）。
  juesuan set … 项目库 新增 项目名称 | 项目库 序号 字段 值
  juesuan set … 指标 项目序号|部门 新增 一级指标 [三级指标] | 指标 项目序号|部门 指标序号 字段 值
  juesuan set … 重点任务 新增 名称 | 重点任务 序号 字段 值 | 部门自评表 字段 值
        填写项目库和绩效自评表；字段用屏幕上的名称（如 全年执行数（本年财政拨款）、分值、实际完成值），金额以“元”为单位。
  juesuan show … --perf [--json]   显示项目库和各绩效自评表（得分、等级、计分规则）及提示
  juesuan export-json … --perf --out 文件.json   导出项目库和绩效自评表
  juesuan print --db 文件 (--unit 单位编码 | --dept 部门编码) --year 年度 --out 文件.pdf [--tables T01,T03] [--wan]
        [--blank-zeros] [--narrative] [--perf [--outline hunan|yunnan]] [--audit] [--draft]
        打印封面和公开表为 PDF（每页有标题、单位、签章栏、“第 n 页 共 m 页”、数据指纹和打印时间）；--dept 打印部门汇总。
        --tables 只打印所列的表（加 cover 即含封面），--narrative、--audit 附情况说明、审核报告；
        --perf 附绩效自评报告、部门整体支出绩效自评表和每个项目的项目支出绩效自评表（也可在 --tables 中写
        perfReport、perfDept、perfProjects），--outline 选自评报告的格式；
        其余设置（纸张、方向、页边距、缩放）沿用工作站中为该报表保存的打印设置。
        有强制审核规则未通过（或所附情况说明还有未填写的«…»）时拒绝打印；--draft 打印核对稿，
        强制规则未通过时每页注明“未通过审核，仅供核对”。
        需要本机有 Chromium（或 Chrome/Edge，可用环境变量 JUESUAN_CHROMIUM 指定）。
  juesuan verify --db 文件 (--unit 单位编码 | --dept 部门编码) --year 年度 --fingerprint 数据指纹
        核对纸质报表上的数据指纹：今天的数据是否仍与之相符；不符时列出之后有变化的表，并按修改记录写明
        报表在什么时候的数据与之相符（部门汇总按各单位报表和调整表、部门文字的修改记录合在一起回溯）。
        相符时退出码为 0，不符时为 1。
  juesuan unit rename --db 文件 --code 单位编码 --name 新名称
  juesuan unit move --db 文件 --code 单位编码 (--parent 上级单位编码 | --top)
  juesuan unit archive --db 文件 --code 单位编码 [--from 年度]
        没有报表的单位直接删除；有报表的单位归档（自该年度起不再纳入部门汇总，报表全部保留）。
  juesuan unit restore --db 文件 --code 单位编码
  juesuan unit info --db 文件 --code 单位编码 [--credit-code 统一社会信用代码] [--budget-level 预算级次]
        [--accounting-system 执行会计制度] [--report-kind 报表类型]
  juesuan consolidate --db 文件 --dept 部门编码 --year 年度 [--table 表] [--json]
        部门汇总：本级及全部下级单位的报表相加，减去调整表中的抵销数；--json 的格式同 show --json。
  juesuan adjust --db 文件 --dept 部门编码 --year 年度 --line 调整表项 (--amount 金额 | --auto) [--note 说明]
        填写调整表一项的抵销数（元），记入部门的修改记录；调整表项即 consolidate 输出中方括号内的编号。
        --auto 恢复程序生成的抵销数（并清除说明）；不给 --note 时保留该项原有的说明。
  juesuan rollover --db 文件 --unit 单位编码 --from 年度 [--dry-run]
        由该年度生成下一年度报表：年初结转和结余取上年年末数，沿用科目行、封面和基本情况。
  juesuan report delete --db 文件 --unit 单位编码 --year 年度 --yes
        删除一份报表（删除前自动备份数据库）。
  juesuan export-exchange --db 文件 --unit 单位编码 --year 年度 --out 报送文件.json
  juesuan import-exchange --db 文件 --dept 部门编码 报送文件.json [--dry-run]
        单位向部门报送：导入前列出与库中数据的差异；其他部门或其他报表格式的文件被拒绝。
  juesuan backup list --db 文件
        列出数据库的备份（备份在数据库旁的“文件名.backups”文件夹中）。
  juesuan backup create --db 文件
  juesuan backup restore --db 文件 备份名称
        用备份替换整个数据库；恢复前先把当前数据备份一次。
  juesuan history --db 文件 --unit 单位编码 --year 年度 [--table 表 --row 行 --col 列]
        列出报表的修改记录（按批，含绩效自评），或一个单元格的修改记录。
  juesuan history --db 文件 --unit 单位编码 --year 年度 --perf 位置
        绩效自评一处的修改记录；位置如 project:3:name（项目 3 的项目名称）、indicator:7:given、
        task:1:spent、dept:duty（部门整体支出绩效自评表）；编号是 show --perf --json 中的 id（删除后不变）。
  juesuan history restore --db 文件 --unit 单位编码 --year 年度 --to 批号 [--table 表]
        把整份报表（含绩效自评，或一张表；--table perf 只恢复绩效自评）恢复到某批修改之后的状态（批号 0：第一批之前）。
  juesuan history undo --db 文件 --unit 单位编码 --year 年度 批号
        撤销一批修改（例如一次恢复）。
  juesuan history --db 文件 --dept 部门编码 --year 年度 [--line 调整表项]   （restore、undo 同样可用 --dept）
        部门的修改记录：调整表的抵销数和说明、部门自己的文字；restore 加 --table ADJ 只恢复调整表。

通用选项：
  --db 文件      数据库文件（默认：数据目录下的 juesuan.db）
  --packs 目录   报表格式目录（默认：程序自带的 resources/packs）
  --help, -h     显示本帮助

成功时退出码为 0；出错时在标准错误输出一行中文说明，退出码非 0（参数错误为 2）。
`;
